/**
 * Running external programs and the local database servers built on them.
 *
 * <p>{@link io.bulwark.engines.process.ProcessRunner}: one runner that requires a timeout, streams stdout, keeps the
 * tail of stderr for error messages and kills the whole process tree on timeout or cancel.
 *
 * <p>The lifecycle the local PostgreSQL and MariaDB instances share, the engine-specific parts (initialising, server
 * options, readiness) staying with each engine: a fresh directory per instance marked with its owner JVM ({@link
 * io.bulwark.engines.process.LocalInstanceDirectory}), removal of the instances a dead JVM left behind ({@link
 * io.bulwark.engines.process.OrphanReaper}), starting on a free port with a retry when it is taken, waiting for exit
 * and killing ({@link io.bulwark.engines.process.LocalServers}), running as an unprivileged OS user when the JVM is
 * root ({@link io.bulwark.engines.process.ServerUser}), stopping at JVM exit ({@link
 * io.bulwark.engines.process.LocalInstances}), pid files ({@link io.bulwark.engines.process.PidFile}) and log tails
 * for error messages ({@link io.bulwark.engines.process.LogTail}).
 */
package io.bulwark.engines.process;
