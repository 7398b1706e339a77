package io.bulwark.scheduler.adapter.web;

import java.util.UUID;

/** No event of the restore asked for was seen. */
public class RestoreNotFoundException extends RuntimeException {

    public RestoreNotFoundException(UUID restoreId) {
        super("no restore " + restoreId + " is known");
    }
}
