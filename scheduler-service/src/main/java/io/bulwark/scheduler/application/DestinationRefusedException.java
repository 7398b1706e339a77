package io.bulwark.scheduler.application;

/**
 * The destination database of a restore was refused before anything was published: it exists and is not empty, or
 * it is the backup's own source database, and the request did not say {@code replace} with the database's name as
 * {@code confirm}. The message names the database and the server (host:port), never a credential.
 */
public class DestinationRefusedException extends RuntimeException {

    private final String database;

    public DestinationRefusedException(String database, String message) {
        super(message);
        this.database = database;
    }

    /** The refused database's name. */
    public String database() {
        return database;
    }
}
