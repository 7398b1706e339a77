package io.bulwark.pipeline;

import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.VerificationReport;

/**
 * Renders reports for people: {@code verification.html} and {@code restore.html}, stored beside their JSON,
 * self-contained (no external asset, no script). Implementations are thread-safe.
 */
public interface ReportPages {

    /** The content type pages are stored with. */
    String CONTENT_TYPE = "text/html; charset=utf-8";

    /** The page of a verification report, UTF-8. */
    byte[] verification(VerificationReport report);

    /** The page of a proven-restore report, UTF-8. */
    byte[] restore(RestoreReport report);
}
