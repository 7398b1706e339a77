package io.bulwark.localstack.bench;

import io.bulwark.embedded.PostgresDatabases;
import java.io.PrintStream;

/**
 * Leaves a database the benchmark has just filled as a long-lived one is: every row frozen and hinted, statistics
 * taken, and its pages written out, so that no timed run pays for the fill.
 *
 * <p>Without it the first series after a fill paid twice: the first scans of fresh rows set their hint bits and so
 * dirty every page they read (PostgreSQL wiki, "Hint Bits"), and the checkpointer and the kernel write out the
 * hundreds of megabytes the fill left dirty while the series runs. On 2 cores the first full bench after {@code
 * pgbench -i -s 50} measured the plain series at 2692 ms (machine CPU 4910 ms) and the next run, on the same
 * database, at 2343 ms (4330 ms). {@code VACUUM (FREEZE, ANALYZE)} sets the hint bits, freezes the rows and fills the
 * visibility map (PostgreSQL manual, "Routine Vacuuming"); {@code CHECKPOINT} writes every dirty buffer and has the
 * kernel flush its files (manual, {@code CHECKPOINT}).
 */
final class FreshDatabase {

    private FreshDatabase() {}

    /**
     * Vacuums, freezes and analyses {@code database}, then forces a checkpoint.
     *
     * <p>{@code CHECKPOINT} needs a superuser or a role in {@code pg_checkpoint} (PostgreSQL 15 on); without either the
     * bench says so on {@code progress} and goes on, and the first series may then be slower than the others.
     *
     * @param databases the server the database is on
     * @param database the database just filled
     * @param progress where to say what is done
     * @throws IllegalStateException when {@code VACUUM} fails
     */
    static void settle(PostgresDatabases databases, String database, PrintStream progress) {
        long started = System.nanoTime();
        databases.execute(database, "VACUUM (FREEZE, ANALYZE)");
        String done = "vacuumed, frozen and checkpointed";
        try {
            databases.execute(database, "CHECKPOINT");
        } catch (IllegalStateException e) {
            progress.println("bench: no checkpoint after filling " + database + " (" + e.getMessage()
                    + "); the first series may pay for writing its pages out");
            done = "vacuumed and frozen";
        }
        progress.println("bench: database " + database + " " + done + " in " + (System.nanoTime() - started) / 1_000_000
                + " ms");
    }
}
