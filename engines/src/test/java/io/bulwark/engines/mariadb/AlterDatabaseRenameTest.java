package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlterDatabaseRenameTest {

    private static final String DUMP = "-- MariaDB dump 10.19\n"
            + "/*!50003 DROP PROCEDURE IF EXISTS `p` */;\n"
            + "ALTER DATABASE `shop` CHARACTER SET latin1 COLLATE latin1_swedish_ci ;\n"
            + "INSERT INTO `t` VALUES (1,'ALTER DATABASE `shop` stays in a string\\n');\n"
            + "  ALTER DATABASE `shop` indented is not the dump's\n"
            + "ALTER DATABASE `shopping` CHARACTER SET utf8mb4 ;\n"
            + "ALTER DATABASE `shop` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci ;\n"
            + "ALTER DATABASE `sh";

    @Test
    void rewritesOnlyTheLinesThatBeginWithTheSourcesAlterDatabase() throws IOException {
        String out = read(new AlterDatabaseRename(bytes(DUMP), "shop", "shop_restored_x"), 8192);

        assertThat(out)
                .isEqualTo(DUMP.replace(
                                "\nALTER DATABASE `shop` CHARACTER SET latin1",
                                "\nALTER DATABASE `shop_restored_x` CHARACTER SET latin1")
                        .replace(
                                "\nALTER DATABASE `shop` CHARACTER SET utf8mb4",
                                "\nALTER DATABASE `shop_restored_x` CHARACTER SET utf8mb4"));
    }

    @Test
    void givesTheSameBytesWhateverTheReadSizeAndBufferBoundaries() throws IOException {
        String expected = read(new AlterDatabaseRename(bytes(DUMP), "shop", "x"), 8192);

        for (int size = 1; size < 40; size++) {
            assertThat(read(new AlterDatabaseRename(new Trickle(bytes(DUMP), 3), "shop", "x"), size))
                    .as("read size %d", size)
                    .isEqualTo(expected);
        }
        assertThat(expected)
                .contains("\nALTER DATABASE `x` CHARACTER SET latin1")
                .endsWith("ALTER DATABASE `sh");
    }

    @Test
    void aDumpWithoutTheStatementPassesUnchanged() throws IOException {
        String dump = "SET NAMES utf8mb4;\nCREATE TABLE `a` (id int);\n";

        assertThat(read(new AlterDatabaseRename(bytes(dump), "shop", "x"), 5)).isEqualTo(dump);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[size];
        int n;
        while ((n = in.read(buffer, 0, size)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Hands out at most {@code chunk} bytes a read, so that buffer boundaries fall everywhere. */
    private static final class Trickle extends java.io.FilterInputStream {
        private final int chunk;

        Trickle(InputStream in, int chunk) {
            super(in);
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
