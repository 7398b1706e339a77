/**
 * What only tests use: the ArchUnit rules every service applies ({@link io.bulwark.testsupport.ServiceArchitecture}),
 * helpers for throwaway MariaDB databases with the Chinook MySQL fixture ({@link
 * io.bulwark.testsupport.MariaDbDatabases}), a throwaway PostgreSQL server a test can stop and start again to play a
 * database outage ({@link io.bulwark.testsupport.StoppablePostgres}) and a throwaway GnuPG home with key pairs made by {@code gpg} ({@link
 * io.bulwark.testsupport.GnuPgHome}). The embedded Kafka broker, S3 server and PostgreSQL helpers live in {@code
 * io.bulwark.embedded}, which this module brings along for tests. Shipped (main) code never depends on this package;
 * each service's ArchitectureTest checks that.
 */
package io.bulwark.testsupport;
