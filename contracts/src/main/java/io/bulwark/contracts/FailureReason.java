package io.bulwark.contracts;

/** Why a backup failed, as a code a person or a rule can act on. */
public enum FailureReason {
    /** The database server refused or did not answer the connection. */
    CONNECTION_REFUSED,
    /** The server rejected the credentials. */
    AUTHENTICATION_FAILED,
    /** The backup user lacks a privilege; the message names it when the tool does. */
    PERMISSION_DENIED,
    /** The database does not exist on the server. */
    DATABASE_MISSING,
    /** The dump tool is not installed. */
    TOOL_MISSING,
    /** The dump tool is older than the server. */
    TOOL_TOO_OLD,
    /** The object store could not be reached or refused the upload. */
    STORAGE_UNAVAILABLE,
    /** The dump took longer than its timeout. */
    TIMEOUT,
    /** No target with that id is configured. */
    UNKNOWN_TARGET,
    /** The request itself is invalid (bad label, unsupported engine). */
    INVALID_REQUEST,
    /** The dump tool failed for another reason; see the message. */
    DUMP_FAILED,
    /**
     * The request was attempted as many times as allowed without an outcome (each attempt ended with
     * the worker killed or crashed mid-dump); it is not attempted again.
     */
    ATTEMPTS_EXHAUSTED,
    /** Anything else; see the message. */
    INTERNAL
}
