package io.bulwark.scheduler.application;

import io.bulwark.engines.DatabaseState;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore pre-check: refuses, before anything is published, a destination database the verifier would refuse
 * (its {@code DESTINATION_REFUSED}), so the operator gets a 409 at once instead of a failed restore later.
 *
 * <ul>
 *   <li>no database named: a new one is created, nothing to check ({@link DestinationCheck.Status#SKIPPED});
 *   <li>{@code replace} with {@code confirm} equal to the database: the operator said so (SKIPPED);
 *   <li>the backup's own source database (same host and port as the target's configured ones, same name): refused;
 *   <li>else the server is asked ({@link DestinationProbe}): an existing database that is not empty is refused, a
 *       missing or empty one PASSED;
 *   <li>a server that cannot be asked is no reason to refuse: the check is {@link
 *       DestinationCheck.Status#NOT_CHECKED}, the request goes out, and the verifier (which may well reach a server
 *       the scheduler cannot) decides, failing the restore with {@code DESTINATION_UNREACHABLE} when it cannot
 *       reach it either.
 * </ul>
 *
 * Thread-safe.
 */
public class DestinationGuard {

    private static final Logger log = LoggerFactory.getLogger(DestinationGuard.class);

    private final DestinationProbe probe;

    public DestinationGuard(DestinationProbe probe) {
        this.probe = probe;
    }

    /**
     * The backup's source database, as its target is configured.
     *
     * @param host the source server's host
     * @param port its port
     * @param database the source database's name
     */
    public record SourceDatabase(String host, int port, String database) {}

    /**
     * Pre-checks the destination database of a restore.
     *
     * @param server the destination server
     * @param command the validated request ({@link RestoreCommand#validate()})
     * @param source the backup's source database, or null when not known here
     * @return what was found when the destination may be written to
     * @throws DestinationRefusedException when the database is the backup's own source database, or exists and is
     *     not empty, and the request did not say {@code replace} with the database's name as {@code confirm}
     */
    public DestinationCheck check(DestinationServer server, RestoreCommand command, SourceDatabase source) {
        String where = server.where();
        if (!command.namesDatabase()) {
            return new DestinationCheck(
                    DestinationCheck.Status.SKIPPED,
                    where,
                    "a new database named after the source database is created");
        }
        String database = command.database();
        if (command.replace() && database.equals(command.confirm())) {
            return new DestinationCheck(
                    DestinationCheck.Status.SKIPPED, where, "replacing database " + database + " was confirmed");
        }
        if (isSource(server, database, source)) {
            throw new DestinationRefusedException(
                    database,
                    "database " + database + " on " + where + " is the backup's own source database; restore into it"
                            + " only with replace: true and confirm: " + database);
        }
        if (!server.connectable()) {
            return new DestinationCheck(
                    DestinationCheck.Status.NOT_CHECKED,
                    where,
                    "the host or username of " + server.id() + " is not configured for the scheduler; the verifier"
                            + " checks the database");
        }
        DatabaseState state;
        try {
            state = probe.state(server, database);
        } catch (DestinationUnreachableException e) {
            log.warn(
                    "restore pre-check of database {} on {} not made, publishing anyway: {}",
                    database,
                    where,
                    e.getMessage());
            return new DestinationCheck(
                    DestinationCheck.Status.NOT_CHECKED,
                    where,
                    e.getMessage() + "; the request was published and the verifier checks the database");
        }
        if (state.exists() && !state.empty()) {
            throw new DestinationRefusedException(
                    database,
                    "database " + database + " on " + where + " exists and is not empty (" + state.tables()
                            + " tables); restore into it only with replace: true and confirm: " + database
                            + ", or into a new database");
        }
        return new DestinationCheck(
                DestinationCheck.Status.PASSED,
                where,
                state.exists()
                        ? "database " + database + " exists and is empty"
                        : "database " + database + " does not exist; the restore creates it");
    }

    /** True when {@code database} on {@code server} is the source's own: same name, same port, same host. */
    static boolean isSource(DestinationServer server, String database, SourceDatabase source) {
        if (source == null || !Objects.equals(source.database(), database) || server.host() == null) {
            return false;
        }
        return server.port() == source.port() && sameHost(server.host(), source.host());
    }

    /** Equal names, or names that resolve to the same address, or two loopback addresses. */
    static boolean sameHost(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        try {
            InetAddress left = InetAddress.getByName(a);
            InetAddress right = InetAddress.getByName(b);
            return left.equals(right) || (left.isLoopbackAddress() && right.isLoopbackAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
