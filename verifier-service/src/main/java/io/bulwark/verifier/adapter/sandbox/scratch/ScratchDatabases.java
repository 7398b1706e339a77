package io.bulwark.verifier.adapter.sandbox.scratch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scratch databases of one engine on its configured server: dropping one when its sandbox closes, and dropping
 * those a dead verifier left behind. A scratch database carries its creation time in epoch seconds in a marker (its
 * name on PostgreSQL, its comment on MariaDB). Thread-safe.
 */
final class ScratchDatabases {

    /** Opens a connection to the scratch server's administrative database. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(ScratchDatabases.class);

    private final String server;
    private final Connector connector;
    private final String listSql;
    private final Pattern marker;
    private final UnaryOperator<String> dropSql;

    /**
     * @param server {@code host:port}, for the log
     * @param listSql a query answering each candidate database's name and its marker
     * @param marker matches a scratch database's marker, group 1 its creation time in epoch seconds
     * @param dropSql the statement that drops the database of that name
     */
    ScratchDatabases(
            String server, Connector connector, String listSql, Pattern marker, UnaryOperator<String> dropSql) {
        this.server = server;
        this.connector = connector;
        this.listSql = listSql;
        this.marker = marker;
        this.dropSql = dropSql;
    }

    /** Drops the scratch databases created more than {@code orphanAge} before {@code now}; logs, never throws. */
    void reapOrphans(Instant now, Duration orphanAge) {
        long oldest = now.minus(orphanAge).getEpochSecond();
        try (Connection connection = connector.connect();
                Statement st = connection.createStatement()) {
            List<String> orphans = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(listSql)) {
                while (rs.next()) {
                    Matcher m = marker.matcher(rs.getString(2));
                    if (m.matches() && Long.parseLong(m.group(1)) < oldest) {
                        orphans.add(rs.getString(1));
                    }
                }
            }
            int dropped = 0;
            for (String orphan : orphans) {
                try {
                    st.execute(dropSql.apply(orphan));
                    dropped++;
                } catch (SQLException e) {
                    log.warn("cannot drop scratch database {} left behind: {}", orphan, e.getMessage());
                }
            }
            if (dropped > 0) {
                log.info("dropped {} scratch databases left behind on {}", dropped, server);
            }
        } catch (SQLException e) {
            log.warn("cannot look for scratch databases left behind on {}: {}", server, e.getMessage());
        }
    }

    /**
     * Drops {@code database}; never throws.
     *
     * @return true when it was dropped, false when that failed (it is dropped as an orphan later)
     */
    boolean drop(String database) {
        try (Connection connection = connector.connect();
                Statement st = connection.createStatement()) {
            st.execute(dropSql.apply(database));
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("cannot drop scratch database {}; it is dropped as an orphan later: {}", database, e.getMessage());
            return false;
        }
    }

    /** Drops {@code database} the first time it runs, and again on later runs only while that failed. */
    Runnable dropper(String database) {
        java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (!dropped.get() && drop(database)) {
                dropped.set(true);
            }
        };
    }
}
