package io.bulwark.verifier.adapter.report;

import io.bulwark.contracts.RestoreReport;
import io.bulwark.contracts.VerificationReport;
import io.bulwark.pipeline.ReportPages;

/** The report pages for people: {@link HtmlReport} for verifications, {@link HtmlRestoreReport} for restores. */
public final class HtmlReportPages implements ReportPages {

    @Override
    public byte[] verification(VerificationReport report) {
        return HtmlReport.render(report);
    }

    @Override
    public byte[] restore(RestoreReport report) {
        return HtmlRestoreReport.render(report);
    }
}
