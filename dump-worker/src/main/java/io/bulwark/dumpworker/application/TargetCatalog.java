package io.bulwark.dumpworker.application;

import io.bulwark.dumpworker.domain.DumpTarget;
import java.util.Optional;

/** The configured targets. Thread-safe. */
public interface TargetCatalog {

    /** The target with id {@code targetId}, or empty when none is configured. */
    Optional<DumpTarget> find(String targetId);
}
