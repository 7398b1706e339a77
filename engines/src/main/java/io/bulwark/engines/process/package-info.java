/**
 * Running external programs: one runner that requires a timeout, streams stdout, keeps the tail of
 * stderr for error messages and kills the whole process tree on timeout or cancel.
 */
package io.bulwark.engines.process;
