package io.bulwark.scheduler.application.reports;

/** Port: how many alerts of a target are open (not resolved), for the periodic backup report. */
public interface OpenAlertCounts {

    /**
     * The open alerts of a target now.
     *
     * @param targetId a configured target
     * @return 0 or more; 0 when no alert is recorded anywhere
     */
    int openAlerts(String targetId);
}
