package io.bulwark.scheduler.application.reports;

import java.util.UUID;

/** No periodic backup report has that id (answered 404). */
public class BackupReportNotFoundException extends RuntimeException {

    public BackupReportNotFoundException(UUID reportId) {
        super("no backup report " + reportId);
    }
}
