package io.bulwark.verifier.application;

import io.bulwark.contracts.VerificationReport;

/**
 * Renders a verification report for people: the {@code verification.html} stored next to {@code
 * verification.json}, self-contained (no external assets). Implementations are thread-safe.
 */
public interface ReportPage {

    /** The content type pages are stored with. */
    String CONTENT_TYPE = "text/html; charset=utf-8";

    /** The page of {@code report}, UTF-8. */
    byte[] render(VerificationReport report);
}
