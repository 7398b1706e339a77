package io.bulwark.engines.mariadb;

import io.bulwark.engines.ConnectionSpec;
import io.bulwark.engines.DumpEngine;
import io.bulwark.engines.InspectEngine;
import io.bulwark.engines.RestoreEngine;
import io.bulwark.engines.RestoreEngineContract;
import io.bulwark.engines.process.ProcessRunner;

/**
 * {@link MariaDbRestoreTool} held to the {@link RestoreEngineContract} on the machine's MariaDB (root without a
 * password over TCP); the dump is written by {@link MariaDbDumpTool}. The account with a password gets every right on
 * the restored database and SET USER, which the dump's {@code DEFINER} clauses need.
 */
class MariaDbRestoreToolContractIT extends RestoreEngineContract {

    private final ProcessRunner runner = new ProcessRunner();
    private final MariaDbRestoreTool restoreTool = new MariaDbRestoreTool(runner);
    private final MariaDbDumpTool dumpTool = new MariaDbDumpTool(runner);

    @Override
    protected void afterContract() {
        runner.close();
    }

    @Override
    protected RestoreEngine engine() {
        return restoreTool;
    }

    @Override
    protected DumpEngine dumpEngine() {
        return dumpTool;
    }

    @Override
    protected InspectEngine inspector() {
        return new MariaDbInspector();
    }

    @Override
    protected ConnectionSpec server() {
        return MariaDbTestServer.ADMIN;
    }

    @Override
    protected String fixtureSql() {
        return """
                CREATE TABLE customer (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL) ENGINE=InnoDB;
                CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, qty INT NOT NULL,
                    KEY orders_customer_idx (customer_id),
                    CONSTRAINT orders_qty_check CHECK (qty > 0),
                    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)) ENGINE=InnoDB;
                CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(100)) ENGINE=InnoDB;
                CREATE TABLE empty_table (id INT PRIMARY KEY, note TEXT) ENGINE=InnoDB;
                CREATE VIEW big_orders AS SELECT * FROM orders WHERE qty > 5;
                INSERT INTO customer (name) SELECT CONCAT('customer ', seq) FROM seq_1_to_25;
                INSERT INTO orders SELECT seq, 1 + seq % 25, 1 + seq % 10 FROM seq_1_to_40;
                INSERT INTO item SELECT seq, CONCAT('item ', seq) FROM seq_1_to_7;
                """;
    }

    @Override
    protected void execute(ConnectionSpec database, String sql) throws Exception {
        MariaDbTestServer.execute(database, sql);
    }

    @Override
    protected String schemaOf(String database) {
        return database;
    }

    @Override
    protected String selectionName(String table) {
        return table;
    }

    @Override
    protected ConnectionSpec createAccount(String database) throws Exception {
        String user = MariaDbTestServer.uniqueName("bk");
        String password = MariaDbTestServer.trickyPassword();
        MariaDbTestServer.createUser(
                user,
                password,
                "GRANT ALL ON " + MariaDbInspector.quoteIdentifier(database) + ".*",
                "GRANT SET USER ON *.*");
        return new ConnectionSpec(server().host(), server().port(), database, user, password);
    }

    @Override
    protected void dropAccount(ConnectionSpec account) throws Exception {
        MariaDbTestServer.dropUser(account.username());
    }

    @Override
    protected boolean unreadableHeadIsConclusive() {
        return false;
    }
}
