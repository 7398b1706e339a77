package io.bulwark.localstack.cli;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One API object as {@code name: value} lines for people: fields ending in {@code Bytes} as sizes, {@code Millis} as
 * durations, {@code At} as instants; nested objects flattened with dots ({@code progress.percent}); null fields left
 * out.
 */
public final class Details {

    private Details() {}

    /** {@link #lines} as a two-column table (field, value). */
    public static Table of(JsonNode json) {
        Table table = new Table("FIELD", "VALUE").keep(0);
        lines(json, "", table);
        return table;
    }

    private static void lines(JsonNode json, String prefix, Table table) {
        if (json == null || !json.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            String name = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                lines(value, name + ".", table);
            } else if (value.isArray()) {
                table.row(name, value.isEmpty() ? Text.NONE : arrayText(value));
            } else {
                table.row(name, human(e.getKey(), value));
            }
        }
    }

    private static String arrayText(JsonNode array) {
        StringBuilder s = new StringBuilder();
        for (JsonNode item : array) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(item.isValueNode() ? item.asString() : item.toString());
        }
        return s.toString();
    }

    /** {@code value} of field {@code name} for people, by the name's suffix. */
    static String human(String name, JsonNode value) {
        if (value.isNumber() && name.endsWith("Bytes")) {
            return Text.bytes(value.asLong());
        }
        if (value.isNumber() && name.endsWith("Millis")) {
            return Text.millis(value.asLong());
        }
        if (value.isNumber() && name.endsWith("Seconds")) {
            return Text.millis(value.asLong() * 1000);
        }
        if (value.isString() && name.endsWith("At")) {
            return Text.instant(value.asString());
        }
        return value.asString();
    }
}
