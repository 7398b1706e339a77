package io.bulwark.artifacts;

/** A small object (a manifest, a report) is larger than its limit; see {@link BoundedRead}. */
public class ObjectTooLargeException extends RuntimeException {

    /**
     * @param key the object's key
     * @param limit the largest size accepted, in bytes
     */
    public ObjectTooLargeException(String key, long limit) {
        super(key + " is larger than the limit of " + limit + " bytes");
    }
}
