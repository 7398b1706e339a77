package io.bulwark.artifacts;

/** The object store could not be reached or refused a call; usually worth retrying. */
public class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
