package io.bulwark.engines.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.DumpEngineContract;
import io.bulwark.engines.RestoreOutcome;
import io.bulwark.engines.process.ProcessRunner;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link MariaDbDumpTool} held to the {@link DumpEngineContract} on the machine's MariaDB, dumping as
 * an account with a password (global SELECT, SHOW VIEW, TRIGGER, EVENT, so that a missing database
 * answers 1049 rather than 1044) and restoring with {@link MariaDbRestoreTool} as root.
 */
class MariaDbDumpToolContractIT extends DumpEngineContract {

    private final ProcessRunner runner = new ProcessRunner();
    private final MariaDbDumpTool tool = new MariaDbDumpTool(runner);
    private final Map<String, String> users = new HashMap<>();

    @Override
    protected DumpEngine engine() {
        return tool;
    }

    @Override
    protected ConnectionSpec createSampleDatabase(Map<String, Integer> tables) throws Exception {
        String database = MariaDbTestServer.createDatabase("bulwark_ct");
        MariaDbTestServer.execute(MariaDbTestServer.admin(database), MariaDbTestServer.sampleTables(tables));
        String user = MariaDbTestServer.uniqueName("bk");
        String password = MariaDbTestServer.trickyPassword();
        MariaDbTestServer.createUser(user, password, "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON *.*");
        users.put(database, user);
        return new ConnectionSpec("127.0.0.1", 3306, database, user, password);
    }

    @Override
    protected ConnectionSpec createEmptyDatabase() throws Exception {
        return MariaDbTestServer.admin(MariaDbTestServer.createDatabase("bulwark_ct_restore"));
    }

    @Override
    protected void dropDatabase(ConnectionSpec database) throws Exception {
        MariaDbTestServer.dropDatabase(database.database());
        String user = users.remove(database.database());
        if (user != null) {
            MariaDbTestServer.dropUser(user);
        }
    }

    @Override
    protected void restore(Path dump, ConnectionSpec target) throws Exception {
        try (InputStream in = Files.newInputStream(dump)) {
            RestoreOutcome result = new MariaDbRestoreTool(runner).restore(in, target, Duration.ofMinutes(5));
            assertThat(result.succeeded()).as(result.failureDetail()).isTrue();
        }
    }

    @Override
    protected Map<String, Long> countRows(ConnectionSpec database) throws Exception {
        return MariaDbTestServer.countRows(database);
    }

    @Override
    protected String schemaOf(ConnectionSpec database) {
        return database.database();
    }

    @Override
    protected String filterName(ConnectionSpec database, String table) {
        return table;
    }
}
