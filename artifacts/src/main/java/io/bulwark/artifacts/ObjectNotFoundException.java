package io.bulwark.artifacts;

/** The object asked for does not exist. */
public class ObjectNotFoundException extends ObjectStoreException {

    public ObjectNotFoundException(String key) {
        super("no object at key " + key, null);
    }
}
