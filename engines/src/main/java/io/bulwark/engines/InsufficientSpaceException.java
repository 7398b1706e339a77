package io.bulwark.engines;

/** A temporary file would not fit: the folder's free space is below what it needs. The message says both, in bytes. */
public class InsufficientSpaceException extends RuntimeException {

    public InsufficientSpaceException(String message) {
        super(message);
    }
}
