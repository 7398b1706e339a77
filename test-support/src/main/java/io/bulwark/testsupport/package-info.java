/**
 * Real components embedded in-process for integration tests and the local stack: an S3 server (S3Proxy on a
 * folder), a single-node Apache Kafka broker in KRaft mode, helpers for throwaway PostgreSQL and MariaDB
 * databases, a throwaway GnuPG home with key pairs made by {@code gpg}, and the Chinook fixture for both
 * databases. Nothing here is a mock: every class starts or talks to the real thing on free ports.
 */
package io.bulwark.testsupport;
