package io.bulwark.scheduler.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Conversions between the projection's Java values and PostgreSQL column values, shared by the JDBC catalogs. */
final class JdbcValues {

    private JdbcValues() {}

    /** PostgreSQL array literal of {@code values}, each quoted and escaped ({@code {"a","b"}}). */
    static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    /** The strings of a {@code text[]} column, empty for SQL NULL. */
    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    /** A {@code timestamptz} column as an instant, or null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An instant as a {@code timestamptz} parameter (UTC), or null. */
    static OffsetDateTime ts(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    /** An enum's name, or null. */
    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A column's text parsed with {@code parser}, or null for SQL NULL. */
    static <E> E parse(String value, Function<String, E> parser) {
        return value == null ? null : parser.apply(value);
    }
}
