package io.bulwark.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsTwoSpacesApartWhenTheyFit() {
        List<String> lines =
                new Table("ID", "STATE").row("a1", "VERIFIED").row("b", null).render(80);

        assertThat(lines).containsExactly("ID  STATE", "a1  VERIFIED", "b   -");
    }

    @Test
    void shrinksTheWidestColumnFirstAndEndsCutCellsWithAnEllipsis() {
        Table table = new Table("TARGET", "REASON").row("chinook", "the newest verified backup is older than the RPO");

        List<String> lines = table.render(30);

        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
        assertThat(lines.get(1)).startsWith("chinook  the newest").endsWith("…");
        assertThat(lines.get(1)).hasSize(30);
    }

    @Test
    void keepsMarkedColumnsWholeAndShrinksTheOthers() {
        String id = "0b5d6a1e-58a4-4c4f-9c1e-7d1c1f0a2b3c";
        Table table = new Table("ID", "LABEL").keep(0).row(id, "a very long label that will not fit at all");

        String row = table.render(50).get(1);

        assertThat(row).startsWith(id + "  ").endsWith("…").hasSize(50);
    }

    @Test
    void neverShrinksAColumnBelowItsHeaderOrFourCharacters() {
        Table table = new Table("A", "STATE").row("abcdefghij", "VERIFICATION_FAILED");

        int[] widths = table.widths(5);

        assertThat(widths).containsExactly(4, 5);
    }

    @Test
    void flattensLineBreaksInCells() {
        assertThat(new Table("DETAIL").row("two\nlines").render(80)).containsExactly("DETAIL", "two lines");
    }

    @Test
    void formatsSizesAndDurationsForPeople() {
        assertThat(Text.bytes(512)).isEqualTo("512 B");
        assertThat(Text.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Text.bytes(300L * 1024 * 1024)).isEqualTo("300 MiB");
        assertThat(Text.millis(850)).isEqualTo("850ms");
        assertThat(Text.millis(12_300)).isEqualTo("12.3s");
        assertThat(Text.millis(245_000)).isEqualTo("4m 05s");
        assertThat(Text.duration("PT25H")).isEqualTo("1d 01h");
        assertThat(Text.instant("2026-12-03T07:00:00.123Z")).isEqualTo("2026-12-03 07:00:00Z");
        assertThat(Text.truncate("abcdef", 4)).isEqualTo("abc…");
    }
}
