/**
 * {@code bulwark bench}: benchmarks run by hand on a real machine, never by the build. {@code bench capture} times a
 * bare {@code pg_dump | zstd | tee | sha256sum} pipeline against the real dump-worker (plain and encrypted) on a
 * pgbench database, on a real Kafka broker and S3 server, and samples the worker's heap meanwhile. {@code bench
 * verify} times the real verifier on such a capture against a bare {@code initdb}, {@code zstd -dc | pg_restore} and
 * {@code count(*)} script. {@code bench restore} times the standalone {@code ./bulwark restore} path, proof included,
 * against {@code zstd -dc | pg_restore} and {@code pg_restore -j 2} into fresh databases.
 */
package io.bulwark.localstack.bench;
