package io.bulwark.scheduler.domain.alerts;

import java.util.List;
import java.util.Locale;

/** Figures for alert summaries: sizes and medians. Pure, thread-safe. */
final class Figures {

    private Figures() {}

    /**
     * A size for people in binary units, one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 50.0 MiB}, {@code 2.1 GiB}.
     */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /**
     * The median of {@code values}: the middle one of an odd count, the mean of the two middle ones of an even count.
     *
     * @throws IllegalArgumentException when {@code values} is empty
     */
    static double median(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return (sorted.get(n / 2 - 1) + (double) sorted.get(n / 2)) / 2;
    }
}
