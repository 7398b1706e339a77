package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.localstack.Stack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkerGc} makes another JVM log a full collection, which {@link GcLog} then reads as its live heap. */
class WorkerGcTest {

    @Test
    void aForcedCollectionShowsInTheTargetsGcLog(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("Idle.java"), """
                public class Idle {
                    static byte[] kept = new byte[8 << 20];
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        System.out.flush();
                        Thread.sleep(120_000);
                    }
                }
                """);
        Path gcLog = dir.resolve("gc.log");
        Path java = Stack.javaExecutable();
        Process target = new ProcessBuilder(
                        List.of(java.toString(), "-Xmx64m", "-XX:+UseG1GC", GcLog.option(gcLog), program.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");

            assertThat(new WorkerGc(java, Duration.ofSeconds(60)).collect(target.pid()))
                    .isNull();

            assertThat(Files.readString(gcLog)).contains("Pause Full (Diagnostic Command)");
            // the 8 MiB array is still referenced, so the live heap after the forced collection holds it
            assertThat(GcLog.peakAfterGcMb(gcLog)).isGreaterThanOrEqualTo(8);
        } finally {
            target.destroyForcibly();
            target.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void saysWhyWhenThereIsNoJcmd(@TempDir Path dir) {
        assertThat(new WorkerGc(dir.resolve("java"), Duration.ofSeconds(5))
                        .collect(ProcessHandle.current().pid()))
                .isEqualTo("no jcmd at " + dir.resolve("jcmd"));
    }

    @Test
    void saysWhyWhenTheProcessIsNoJvm() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            assertThat(new WorkerGc(Stack.javaExecutable(), Duration.ofSeconds(60)).collect(sleeper.pid()))
                    .startsWith("jcmd " + sleeper.pid() + " GC.run exited ");
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
