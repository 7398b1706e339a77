package io.bulwark.pipeline.rules;

import io.bulwark.contracts.CheckResult;
import io.bulwark.contracts.CheckStatus;
import io.bulwark.contracts.SourceHealth;
import io.bulwark.contracts.SourceHealth.ForeignKeyOrphans;
import io.bulwark.contracts.SourceHealth.SequencePosition;
import io.bulwark.engines.IndexFindings;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that judge the restored database's consistency: foreign keys, indexes, sequences, and the source's own
 * health at dump time. They judge the copy, not the source: a flaw the source already had at dump time (orphan rows
 * under a foreign key added {@code NOT VALID}, a sequence behind ids inserted explicitly) is reproduced by an honest
 * restore, so it is a source-health finding (WARNING), not a failure; only a restore that differs from the source
 * FAILS. Without the source's figures (manifests written before they were recorded) any flaw FAILS, as before. Pure
 * functions.
 */
public final class ConsistencyRules {

    private ConsistencyRules() {}

    /**
     * The foreign-key check: the restored database holds exactly the orphan rows the source held, per key; FAILED
     * naming each key whose restored orphans differ from the source's (or, without the source's figure, that has any).
     * SKIPPED when the restored database has no foreign key.
     *
     * @param restored every foreign key of the restored database with its orphan rows
     * @param source the source's health at dump time, or null when the manifest has none
     */
    public static CheckResult foreignKeys(List<ForeignKeyOrphans> restored, SourceHealth source, long durationMillis) {
        if (restored.isEmpty()) {
            return Checks.skipped(CheckNames.FOREIGN_KEYS, "the restored database has no foreign key");
        }
        List<String> broken = new ArrayList<>();
        int asAtSource = 0;
        for (ForeignKeyOrphans key : restored) {
            Long atSource = source == null ? null : source.orphansOf(key.constraint());
            if (key.orphans() == 0) {
                continue;
            }
            if (atSource != null && atSource == key.orphans()) {
                asAtSource++;
            } else {
                broken.add(key.constraint() + " (" + key.orphans() + " orphan rows"
                        + (atSource == null ? "" : ", the source had " + atSource) + ")");
            }
        }
        broken.sort(null);
        if (broken.isEmpty()) {
            return Checks.passed(
                    CheckNames.FOREIGN_KEYS,
                    asAtSource == 0
                            ? "no orphan rows under any of the " + restored.size() + " foreign keys"
                            : "the " + restored.size() + " foreign keys hold the orphan rows the source held, no"
                                    + " others (" + asAtSource + " with the source's own orphans: see source-health)",
                    durationMillis);
        }
        return Checks.failed(
                CheckNames.FOREIGN_KEYS,
                broken.size() + " of " + restored.size() + " foreign keys have orphan rows"
                        + (source == null ? "" : " the source did not have") + ": " + Checks.list(broken),
                durationMillis);
    }

    /**
     * The index check: every structure the engine's checker looked at is sound; the detail names each
     * that is not, with the checker's message. SKIPPED when the checker is not available or there was
     * nothing to check.
     */
    public static CheckResult indexes(IndexFindings findings, long durationMillis) {
        if (findings.notRunReason() != null) {
            return Checks.skipped(CheckNames.INDEXES, findings.notRunReason());
        }
        if (findings.checked() == 0) {
            return Checks.skipped(CheckNames.INDEXES, "nothing for " + findings.method() + " to check");
        }
        if (findings.failures().isEmpty()) {
            return new CheckResult(
                    CheckNames.INDEXES,
                    CheckStatus.PASSED,
                    findings.method() + " found " + findings.checked() + " " + findings.what() + " sound",
                    durationMillis);
        }
        return new CheckResult(
                CheckNames.INDEXES,
                CheckStatus.FAILED,
                Checks.cap(findings.failures().size() + " of " + findings.checked() + " " + findings.what() + " failed "
                        + findings.method() + ": " + Checks.list(findings.failures())),
                durationMillis);
    }

    /**
     * The sequence check: every sequence that fills a column (owned by it, or its default's {@code nextval}) would
     * next hand out a value above the column's greatest value, so the restored database takes inserts without a
     * duplicate key; a sequence that was behind its column at the source too is the source's flaw (see {@link
     * #sourceHealth}). FAILED naming each other sequence behind, with its next value and the column's max. One entry
     * per sequence and column: a sequence that several columns share must be past each, and counts once. SKIPPED
     * when no sequence fills a column.
     *
     * @param source the source's health at dump time, or null when the manifest has none
     */
    public static CheckResult sequences(List<SequencePosition> restored, SourceHealth source, long durationMillis) {
        if (restored.isEmpty()) {
            return Checks.skipped(
                    CheckNames.SEQUENCES, "no sequence or AUTO_INCREMENT column in the restored database");
        }
        long distinct =
                restored.stream().map(SequencePosition::sequence).distinct().count();
        List<SequencePosition> behind =
                restored.stream().filter(SequencePosition::behind).toList();
        // a sequence behind as it was at the source passes; one behind further than the source's (it would hand
        // out a lower value) does not
        List<SequencePosition> broken = behind.stream()
                .filter(s -> {
                    SequencePosition atSource = source == null ? null : source.positionOf(s.sequence(), s.column());
                    return atSource == null || !atSource.behind() || s.nextValue() < atSource.nextValue();
                })
                .toList();
        if (broken.isEmpty()) {
            String columns = restored.size() == distinct
                    ? "their column's greatest value"
                    : "the greatest value of the " + restored.size() + " columns they fill";
            return Checks.passed(
                    CheckNames.SEQUENCES,
                    behind.isEmpty()
                            ? "all " + distinct + " sequences are past " + columns
                            : (distinct - behind.size()) + " of " + distinct + " sequences are past " + columns
                                    + "; " + behind.size() + " are behind as they were at the source (see"
                                    + " source-health)",
                    durationMillis);
        }
        List<String> named = broken.stream()
                .map(s -> s.sequence() + " would hand out " + s.nextValue() + " but max(" + s.column() + ") = "
                        + s.columnMax())
                .sorted()
                .toList();
        long brokenDistinct =
                broken.stream().map(SequencePosition::sequence).distinct().count();
        return Checks.failed(
                CheckNames.SEQUENCES,
                brokenDistinct + " of " + distinct + " sequences would hand out a value already taken"
                        + (source == null ? "" : ", further behind than the source's") + ": " + Checks.list(named),
                durationMillis);
    }

    /**
     * The source's own flaws at dump time, as findings for people: WARNING naming each foreign key with orphan rows
     * ("the source itself has 2 orphan rows under public.child.child_parent_fk") and each sequence behind its column;
     * PASSED when there is none; SKIPPED when the manifest records no source health. Never FAILED: these are the
     * source's flaws, which an honest backup reproduces.
     */
    public static CheckResult sourceHealth(SourceHealth source) {
        if (source == null) {
            return Checks.skipped(
                    CheckNames.SOURCE_HEALTH,
                    "the manifest records no source health (written by an older dump-worker)");
        }
        List<String> findings = new ArrayList<>();
        source.foreignKeys().stream()
                .filter(k -> k.orphans() > 0)
                .map(k -> "the source itself has " + k.orphans() + " orphan rows under " + k.constraint())
                .sorted()
                .forEach(findings::add);
        source.sequences().stream()
                .filter(SequencePosition::behind)
                .map(s -> "the source's sequence " + s.sequence() + " would hand out " + s.nextValue() + ", but max("
                        + s.column() + ") is already " + s.columnMax())
                .sorted()
                .forEach(findings::add);
        if (findings.isEmpty()) {
            return Checks.passed(
                    CheckNames.SOURCE_HEALTH,
                    "the source had no orphan rows under its "
                            + source.foreignKeys().size() + " foreign keys and no sequence behind its column",
                    0);
        }
        return new CheckResult(
                CheckNames.SOURCE_HEALTH,
                CheckStatus.WARNING,
                Checks.cap(findings.size() + " flaws of the source at dump time, which the backup faithfully"
                        + " reproduces: " + Checks.list(findings)),
                0);
    }
}
