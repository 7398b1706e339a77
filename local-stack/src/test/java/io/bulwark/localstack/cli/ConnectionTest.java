package io.bulwark.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {

    @TempDir
    Path dir;

    private Path upJson(Path base, String api, String token) throws IOException {
        Path tokenFile = Files.writeString(base.resolve("admin-" + token + ".token"), token + "\n");
        return new UpFile(api, api + "/console/", "http://s3", "127.0.0.1:9092", tokenFile.toString(), api + "3")
                .write(UpFile.in(base));
    }

    @Test
    void writesUpJsonOnlyItsOwnerCanReadInAFolderOnlyItsOwnerCanEnter() throws IOException {
        Path file = upJson(dir, "http://127.0.0.1:8080", "t1");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        UpFile read = UpFile.read(file).orElseThrow();
        assertThat(read.api()).isEqualTo("http://127.0.0.1:8080");
        assertThat(read.dashboard()).isEqualTo("http://127.0.0.1:8080/console/");
        assertThat(read.kafka()).isEqualTo("127.0.0.1:9092");
        assertThat(Files.readString(file)).doesNotContain("t1\n").contains("\"tokenFile\"");
    }

    @Test
    void takesEverythingFromUpJsonWhenNothingElseIsGiven() throws IOException {
        upJson(dir, "http://127.0.0.1:8080", "fromup");

        Connection c = Connection.resolve(null, null, null, Map.of(), dir);

        assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(c.token()).isEqualTo("fromup");
        assertThat(c.retentionUrl()).isEqualTo("http://127.0.0.1:80803");
        assertThat(c.toString()).doesNotContain("fromup");
    }

    @Test
    void prefersTheEnvironmentToUpJsonAndFlagsToTheEnvironment() throws IOException {
        upJson(dir, "http://up:1", "fromup");
        Path tokenFile = Files.writeString(dir.resolve("flag.token"), "fromflag\n");
        Map<String, String> env = Map.of(
                "BULWARK_URL", "http://env:2", "BULWARK_TOKEN", "fromenv", "BULWARK_RETENTION_URL", "http://env:3");

        Connection fromEnv = Connection.resolve(null, null, null, env, dir);
        Connection fromFlags = Connection.resolve("http://flag:4", tokenFile, "http://flag:5", env, dir);

        assertThat(fromEnv).isEqualTo(new Connection("http://env:2", "fromenv", "http://env:3"));
        assertThat(fromFlags).isEqualTo(new Connection("http://flag:4", "fromflag", "http://flag:5"));
    }

    @Test
    void readsUpJsonUnderBulwarkHomeWhenTheWorkingFolderHasNone() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        upJson(home, "http://home:8080", "fromhome");

        Connection c = Connection.resolve(null, null, null, Map.of("BULWARK_HOME", home.toString()), elsewhere);

        assertThat(c.apiUrl()).isEqualTo("http://home:8080");
        assertThat(c.token()).isEqualTo("fromhome");
    }

    @Test
    void asksForAnUrlWhenNothingTellsWhereTheApiIs() {
        CliException e =
                catchThrowableOfType(CliException.class, () -> Connection.resolve(null, null, null, Map.of(), dir));

        assertThat(e.exitCode()).isEqualTo(CliExit.USAGE);
        assertThat(e.getMessage()).contains("--url").contains("BULWARK_URL").contains("./bulwark up");
    }

    @Test
    void sendsNoTokenWhenNoneIsFound() {
        Connection c = Connection.resolve("http://x:1", null, null, Map.of(), dir);

        assertThat(c.token()).isNull();
        assertThat(c.retentionUrl()).isNull();
    }
}
