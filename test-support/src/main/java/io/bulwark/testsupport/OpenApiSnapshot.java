package io.bulwark.testsupport;

import io.bulwark.contracts.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares a service's API description ({@code /v3/api-docs}) with its checked-in copy ({@code
 * docs/openapi/<service>.json}), both in canonical form: keys sorted at every level, the {@code servers} entry
 * (which names the test's random port) removed, pretty-printed with two-space indentation and a final newline.
 *
 * <p>With the system property {@code openapi.update=true} ({@code -Dopenapi.update=true} on the Maven command line)
 * the copy is rewritten instead of compared.
 */
public final class OpenApiSnapshot {

    /** The system property that rewrites the copies. */
    public static final String UPDATE_PROPERTY = "openapi.update";

    private OpenApiSnapshot() {}

    /**
     * The canonical form of an API description.
     *
     * @param apiDocs the JSON that {@code /v3/api-docs} answered
     * @return sorted, without {@code servers}, pretty-printed, ending with a newline
     * @throws RuntimeException when {@code apiDocs} is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static String canonical(String apiDocs) {
        Map<String, Object> tree = EventJson.mapper().readValue(apiDocs, Map.class);
        tree.remove("servers");
        Object sorted = sorted(tree);
        return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sorted) + "\n";
    }

    /**
     * Asserts that {@code apiDocs} matches the copy at {@code copy}, or rewrites the copy when {@value
     * #UPDATE_PROPERTY} is true.
     *
     * @param apiDocs the JSON that {@code /v3/api-docs} answered
     * @param copy the checked-in copy, for example {@code ../docs/openapi/scheduler-service.json}
     * @param command the command that rewrites the copy, named in the failure message
     * @throws AssertionError when the description differs from the copy, or the copy is missing
     * @throws UncheckedIOException when the copy cannot be read or written
     */
    public static void assertMatches(String apiDocs, Path copy, String command) {
        String actual = canonical(apiDocs);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(copy.toAbsolutePath().getParent());
                Files.writeString(copy, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.exists(copy) ? Files.readString(copy, StandardCharsets.UTF_8) : "";
            if (!actual.equals(expected)) {
                throw new AssertionError("the API description differs from "
                        + copy.toAbsolutePath().normalize()
                        + " (first difference at line " + firstDifferentLine(expected, actual)
                        + "); if the change is intended, regenerate the copy with: " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstDifferentLine(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (!a[i].equals(b[i])) {
                return i + 1;
            }
        }
        return n + 1;
    }

    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), sorted(value)));
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(sorted(item)));
            return result;
        }
        return node;
    }
}
