package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalStackTest {

    @TempDir
    Path emptyHome;

    @Test
    void answersBadArgumentsWithExitCodeTwo() {
        CommandLine cli = LocalStack.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("demo", "--timeout", "soon")).isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(err.toString()).contains("soon");
        assertThat(LocalStack.commandLine().execute("demo", "--target", "oracle://u@h/db"))
                .isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(LocalStack.commandLine().execute("demo", "--target", "mysql://h/db"))
                .as("a MySQL URL without user")
                .isEqualTo(LocalStack.EXIT_USAGE);
        assertThat(LocalStack.commandLine().execute("demo", "--no-such-option")).isEqualTo(LocalStack.EXIT_USAGE);
    }

    @Test
    void refusesToStartWithoutTheServiceJars() {
        int code = LocalStack.commandLine().execute("demo", "--home", emptyHome.toString());

        assertThat(code).isEqualTo(LocalStack.EXIT_STACK_FAILED);
        assertThat(Stack.missingJars(emptyHome)).hasSize(5);
    }

    @Test
    void takesAMysqlTargetAndGoesOnToLookForTheJars() {
        int code = LocalStack.commandLine()
                .execute("demo", "--target", "mysql://backup:pw@127.0.0.1/shop", "--home", emptyHome.toString());

        assertThat(code).isEqualTo(LocalStack.EXIT_STACK_FAILED);
    }

    @Test
    void listsDemoAndUpInItsHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = LocalStack.commandLine();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("demo").contains("up");
    }
}
