package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.ConnectionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class MariaDbClientTest {

    @Test
    void writesThePasswordToAPrivateFileAndDeletesItOnClose() throws Exception {
        Path file;
        try (MariaDbClient.OptionFile options = MariaDbClient.OptionFile.create("p\"w\\o#r d'\n")) {
            file = options.path();
            assertThat(Files.readString(file)).isEqualTo("[client]\npassword=\"p\\\"w\\\\o#r d'\\n\"\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                    .isEqualTo("rwx------");
            assertThat(options.option()).isEqualTo("--defaults-extra-file=" + file);
        }
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void writesNoPasswordLineWithoutAPassword() throws Exception {
        try (MariaDbClient.OptionFile options = MariaDbClient.OptionFile.create(null)) {
            assertThat(Files.readString(options.path())).isEqualTo("[client]\n");
        }
    }

    @Test
    void connectsToolsOverTcpWithoutThePassword() {
        ConnectionSpec spec = new ConnectionSpec("db.example", 3307, "shop", "bk", "secret");
        assertThat(MariaDbClient.connectionOptions(spec))
                .containsExactly("--host=db.example", "--port=3307", "--user=bk", "--protocol=TCP")
                .noneMatch(o -> o.contains("secret"));
        assertThat(MariaDbClient.jdbcUrl(spec)).isEqualTo("jdbc:mariadb://db.example:3307/?allowLocalInfile=false");
        assertThat(MariaDbClient.jdbcUrl(new ConnectionSpec("::1", 3306, "d", "u", null)))
                .isEqualTo("jdbc:mariadb://[::1]:3306/?allowLocalInfile=false");
    }

    @Test
    void readsServerVersions() {
        assertThat(MariaDbInspector.shortVersion("10.11.19-MariaDB-0+deb12u1")).isEqualTo("10.11.19-MariaDB");
        assertThat(MariaDbInspector.shortVersion("8.0.36-log")).isEqualTo("8.0.36");
        assertThat(MariaDbInspector.versionNumber("10.11.19-MariaDB-0+deb12u1")).isEqualTo(101119);
        assertThat(MariaDbInspector.versionNumber("8.0.36")).isEqualTo(80036);
        assertThat(MariaDbInspector.versionNumber("unknown")).isZero();
        assertThat(MariaDbInspector.qualify("d", "we`ird")).isEqualTo("`d`.`we``ird`");
    }
}
