package io.bulwark.localstack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table that fits a width: columns as wide as their widest cell, two spaces apart; when the whole is too
 * wide, the widest columns shrink first (never below their header's width or 4 characters) and their cells end with
 * {@code …}. Built row by row, then {@link #render rendered}.
 */
public final class Table {

    private static final int GAP = 2;
    private static final int MIN_COLUMN = 4;

    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();
    private final java.util.Set<Integer> kept = new java.util.HashSet<>();

    /** A table with these column headers. */
    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row; missing cells are empty, null cells show as {@value Text#NONE}.
     *
     * @throws IllegalArgumentException when there are more cells than columns
     */
    public Table row(Object... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        String[] row = new String[headers.size()];
        Arrays.fill(row, "");
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? Text.NONE : String.valueOf(cells[i]).replaceAll("[\\r\\n\\t]+", " ");
        }
        rows.add(row);
        return this;
    }

    /**
     * Keeps these columns (0-based) at full width, e.g. ids people copy; the others shrink instead.
     *
     * @return this table
     */
    public Table keep(int... columns) {
        for (int c : columns) {
            kept.add(c);
        }
        return this;
    }

    /** The number of rows added. */
    public int size() {
        return rows.size();
    }

    /**
     * The table as lines no longer than {@code width} (unless even the narrowest columns do not fit), without
     * trailing spaces.
     *
     * @param width the terminal's width in characters
     */
    public List<String> render(int width) {
        int[] widths = widths(width);
        List<String> lines = new ArrayList<>();
        lines.add(line(headers.toArray(String[]::new), widths));
        for (String[] row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    /** Prints {@link #render(int)} to {@code out}. */
    public void print(PrintWriter out, int width) {
        render(width).forEach(out::println);
        out.flush();
    }

    int[] widths(int width) {
        int n = headers.size();
        int[] widths = new int[n];
        int[] floor = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
            floor[c] = kept.contains(c)
                    ? widths[c]
                    : Math.min(widths[c], Math.max(MIN_COLUMN, headers.get(c).length()));
        }
        int total = Arrays.stream(widths).sum() + GAP * (n - 1);
        while (total > width) {
            int widest = -1;
            for (int c = 0; c < n; c++) {
                if (widths[c] > floor[c] && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String cell = Text.truncate(cells[c], widths[c]);
            s.append(cell);
            if (c < cells.length - 1) {
                s.append(" ".repeat(widths[c] - cell.length() + GAP));
            }
        }
        return s.toString().stripTrailing();
    }
}
