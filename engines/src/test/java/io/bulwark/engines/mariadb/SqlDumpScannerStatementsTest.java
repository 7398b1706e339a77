package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SqlDumpScanner#feedToStatementEnd}: statements cut where the {@code mariadb} client cuts them. */
class SqlDumpScannerStatementsTest {

    /** The statements of {@code dump}, fed in pieces of at most {@code piece} bytes. */
    private static List<String> statements(byte[] dump, int piece) {
        SqlDumpScanner scanner = new SqlDumpScanner();
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < dump.length) {
            long before = scanner.statements();
            int n = scanner.feedToStatementEnd(dump, i, Math.min(piece, dump.length - i));
            assertThat(n).isPositive();
            current.append(new String(dump, i, n, StandardCharsets.ISO_8859_1));
            i += n;
            if (scanner.statements() != before) {
                assertThat(scanner.statements()).isEqualTo(before + 1);
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        scanner.finish();
        if (!current.isEmpty()) {
            statements.add(current.toString());
        }
        assertThat(scanner.bytes()).isEqualTo(dump.length);
        return statements;
    }

    @Test
    void cutsAfterEachDelimiterAndAtTheEndOfDelimiterLines() {
        String sql = "SET a = ';';\n"
                + "DELIMITER ;;\n"
                + "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW BEGIN INSERT INTO y VALUES (';;'); END ;;\n"
                + "DELIMITER ;\n"
                + "INSERT INTO `a;b` VALUES (1) /* ; */ -- ;\n;"
                + "\n-- trailing comment";
        List<String> expected = List.of(
                "SET a = ';';",
                "\nDELIMITER ;;\n",
                "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW BEGIN INSERT INTO y VALUES (';;'); END ;;",
                "\nDELIMITER ;\n",
                "INSERT INTO `a;b` VALUES (1) /* ; */ -- ;\n;",
                "\n-- trailing comment");
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);

        assertThat(statements(bytes, bytes.length)).isEqualTo(expected);
        assertThat(statements(bytes, 1)).isEqualTo(expected);
        assertThat(statements(bytes, 5)).isEqualTo(expected);
    }

    @Test
    void cutsARealDumpIntoAsManyStatementsAsFeedCounts() throws IOException {
        byte[] dump;
        try (InputStream in = getClass().getResourceAsStream("sample-dump.sql")) {
            dump = in.readAllBytes();
        }
        SqlDumpScanner whole = new SqlDumpScanner();
        whole.feed(dump, 0, dump.length);
        long counted = whole.statements();

        List<String> statements = statements(dump, 4096);
        assertThat(String.join("", statements).getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(dump);
        assertThat(statements.size()).isBetween((int) counted, (int) counted + 1);
        assertThat(statements(dump, 3)).isEqualTo(statements);
    }
}
