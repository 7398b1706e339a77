package io.bulwark.localstack.restore;

import java.util.List;

/**
 * The arguments of {@code ./bulwark restore} checked together, before anything is read or connected: which backup,
 * which destination server and database, and the rules between the options.
 *
 * @param destination the server of {@code --to}
 * @param database the database from {@code --to}'s path or {@code --database}, null for a new one
 */
record RestoreArguments(DestinationUrl destination, String database) {

    /**
     * Checks the command's options.
     *
     * @throws IllegalArgumentException saying which option is wrong and how to put it right (a password in {@code
     *     --to} among others)
     */
    static RestoreArguments check(RestoreCommand c) {
        boolean hasBackup = c.backup != null && !c.backup.isBlank();
        boolean hasTarget = c.target != null && !c.target.isBlank();
        if (!hasBackup && !hasTarget) {
            throw new IllegalArgumentException(
                    "name the backup: --backup PREFIX|ID, or --target ID for its newest VERIFIED backup");
        }
        if (c.at != null && (hasBackup || !hasTarget)) {
            throw new IllegalArgumentException("--at goes with --target, without --backup");
        }
        DestinationUrl url = DestinationUrl.parse(c.to);
        String database = url.database();
        if (c.database != null && !c.database.isBlank()) {
            if (database != null && !database.equals(c.database)) {
                throw new IllegalArgumentException(
                        "--to names database " + database + " but --database says " + c.database + "; give one");
            }
            database = c.database;
        }
        if (c.replace && (c.confirm == null || c.confirm.isBlank())) {
            throw new IllegalArgumentException("--replace needs --confirm NAME: the database's name again");
        }
        if (!c.replace && c.confirm != null) {
            throw new IllegalArgumentException("--confirm goes with --replace");
        }
        if (c.replace && database == null) {
            throw new IllegalArgumentException(
                    "--replace needs the database to replace, in --to (…/NAME) or --database NAME");
        }
        if (c.jobs < 1) {
            throw new IllegalArgumentException("--jobs must be 1 or more");
        }
        if (!url.postgres() && !c.schemas.isEmpty()) {
            throw new IllegalArgumentException(
                    "--schema is for PostgreSQL; a MySQL/MariaDB backup is one database: use --table");
        }
        requireNames("--table", c.tables);
        requireNames("--schema", c.schemas);
        return new RestoreArguments(url, database);
    }

    private static void requireNames(String option, List<String> names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(option + " takes a name, not an empty value");
            }
        }
    }
}
