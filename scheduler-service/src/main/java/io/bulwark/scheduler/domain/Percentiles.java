package io.bulwark.scheduler.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles by the nearest-rank method: the p-th percentile (p in 1..100) of N values sorted ascending is the
 * value at the 1-based rank {@code ceil(p * N / 100)}; it is always one of the values, never interpolated
 * (Wikipedia, "Percentile", section "The nearest-rank method",
 * https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method). So the p50 of {@code [1, 2, 3, 4]} is 2 and its
 * p95 is 4. Thread-safe (stateless).
 */
public final class Percentiles {

    private Percentiles() {}

    /**
     * The nearest-rank percentile.
     *
     * @param values the samples, in any order; not changed
     * @param p the percentile, 1..100
     * @return the percentile, or null when there are no values
     * @throws IllegalArgumentException when p is out of range
     */
    public static Long nearestRank(List<Long> values, int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100] but was " + p);
        }
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        // ceil(p * N / 100) in exact integer arithmetic
        int rank = (int) ((p * (long) sorted.size() + 99) / 100);
        return sorted.get(rank - 1);
    }

    /**
     * The trend of samples in time order: the p50 of the newer half minus the p50 of the older half. With an odd
     * count the middle sample belongs to the newer half (the older half is the first {@code N / 2}, rounded down).
     *
     * @param oldestFirst the samples, oldest first
     * @return the difference (positive: the newer samples are larger), or null with fewer than 2 samples
     */
    public static Long trend(List<Long> oldestFirst) {
        if (oldestFirst.size() < 2) {
            return null;
        }
        int half = oldestFirst.size() / 2;
        return nearestRank(oldestFirst.subList(half, oldestFirst.size()), 50)
                - nearestRank(oldestFirst.subList(0, half), 50);
    }
}
