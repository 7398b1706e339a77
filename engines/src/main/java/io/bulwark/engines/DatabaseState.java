package io.bulwark.engines;

/**
 * What one database on a server holds, as {@link RestoreEngine#databaseState} found it.
 *
 * @param exists true when the database exists
 * @param tables the number of tables, views and sequences in it outside the system schemas (0 for a new database)
 */
public record DatabaseState(boolean exists, int tables) {

    /** A database that does not exist. */
    public static final DatabaseState ABSENT = new DatabaseState(false, 0);

    /** True when the database exists and holds no table, view or sequence of its own. */
    public boolean empty() {
        return exists && tables == 0;
    }
}
