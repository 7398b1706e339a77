package io.bulwark.scheduler.application;

/**
 * What the scheduler's pre-check found about a restore's destination before it published the request. It only gives
 * the fast answer; the verifier checks again, authoritatively, before it writes anything.
 *
 * @param status the verdict
 * @param server the destination server ({@code host:port}), or the destination's id when its host is not known here
 * @param detail what was found or why nothing was checked, for a person; never a secret
 */
public record DestinationCheck(Status status, String server, String detail) {

    /** The pre-check's verdict; a refused destination is no verdict but a 409 answer. */
    public enum Status {
        /** The server was asked: the database does not exist, or exists and is empty. */
        PASSED,
        /** Nothing needed checking: a new database is created, or replacing the named one was confirmed. */
        SKIPPED,
        /**
         * The server could not be asked (unreachable, refused, its password not readable here, or its host not
         * configured for the scheduler); the request was published anyway and the verifier decides.
         */
        NOT_CHECKED
    }
}
