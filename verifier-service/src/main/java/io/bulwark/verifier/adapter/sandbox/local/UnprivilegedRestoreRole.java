package io.bulwark.verifier.adapter.sandbox.local;

import io.bulwark.engines.postgres.LocalPostgresInstance;
import io.bulwark.engines.postgres.PostgresConnectionSpec;
import io.bulwark.engines.process.LocalServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unprivileged role a {@code local} PostgreSQL sandbox restores and is checked as ({@code
 * bulwark.verifier.sandbox.postgres.restore-role: UNPRIVILEGED}): {@value #ROLE}, a login role without {@code
 * SUPERUSER}, {@code CREATEDB}, {@code CREATEROLE} or {@code REPLICATION}, that owns the sandbox database and nothing
 * else. It has {@code BYPASSRLS}, so that the checks count every row of a table whose policies are forced on its
 * owner, and no policy expression of the artifact runs at all; it reaches no other database's rows by that. A function in the artifact (a CHECK constraint, an index expression, a default, a
 * trigger) then runs with that role's rights: {@code COPY ... TO PROGRAM}, {@code pg_read_file}/{@code
 * pg_read_binary_file} and server-side {@code lo_export} are refused (PostgreSQL manual: they need a superuser or
 * the {@code pg_execute_server_program}, {@code pg_read_server_files}, {@code pg_write_server_files} roles, none of
 * which it has).
 *
 * <p>The superuser prepares the role before the restore ({@link #create}) and, after it, installs {@code amcheck}
 * into {@code pg_catalog} (searched first, so no function of the artifact can stand in for it) and lets the role
 * execute its functions ({@link #grantAmcheck}).
 */
final class UnprivilegedRestoreRole {

    /** The role's name. */
    static final String ROLE = "bulwark_restore";

    private static final Logger log = LoggerFactory.getLogger(UnprivilegedRestoreRole.class);

    private UnprivilegedRestoreRole() {}

    /**
     * Creates {@value #ROLE} with a new random password and makes it the owner of {@code database}.
     *
     * @return how the restore tool and the checks reach {@code database} as that role
     * @throws SQLException when the server refuses
     */
    static PostgresConnectionSpec create(LocalPostgresInstance instance, String database) throws SQLException {
        String password = LocalServers.newPassword();
        try (Connection c = instance.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS"
                    + " PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("ALTER DATABASE \"" + database.replace("\"", "\"\"") + "\" OWNER TO " + ROLE);
        }
        return new PostgresConnectionSpec(instance.host(), instance.port(), database, ROLE, password);
    }

    /**
     * As the superuser, after the restore: installs {@code amcheck} into {@code pg_catalog} when it is missing and
     * available, and grants {@value #ROLE} the execution of its functions. When {@code amcheck} is not installed on
     * the machine, nothing happens (the index check then reports that it did not run).
     *
     * @throws IllegalStateException when the server refuses for another reason
     */
    static void grantAmcheck(LocalPostgresInstance instance, String database) {
        try (Connection c = instance.connect(database);
                Statement s = c.createStatement()) {
            try {
                s.execute("CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA pg_catalog");
            } catch (SQLException e) {
                log.info("amcheck not installed in the sandbox: {}", e.getMessage());
                return;
            }
            List<String> functions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT p.oid::regprocedure::text FROM pg_proc p"
                    + " JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'"
                    + " JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid"
                    + " WHERE e.extname = 'amcheck'")) {
                while (rs.next()) {
                    functions.add(rs.getString(1));
                }
            }
            for (String function : functions) {
                s.execute("GRANT EXECUTE ON FUNCTION " + function + " TO " + ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare amcheck for " + ROLE + ": " + e.getMessage(), e);
        }
    }
}
