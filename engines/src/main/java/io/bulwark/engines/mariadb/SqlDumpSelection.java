package io.bulwark.engines.mariadb;

import io.bulwark.engines.RestorePlan;
import java.io.InputStream;
import java.util.List;

/** TEMPORARY placeholder, replaced by the dump-stream table filter in this change. */
final class SqlDumpSelection {

    SqlDumpSelection(List<String> tables) {
        throw new IllegalArgumentException("partial restore is not available yet");
    }

    InputStream filter(InputStream dump) {
        return dump;
    }

    RestorePlan result() {
        return null;
    }
}
