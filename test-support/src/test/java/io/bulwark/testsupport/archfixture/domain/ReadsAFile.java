package io.bulwark.testsupport.archfixture.domain;

import java.io.File;

/** Breaks the domain rule on infrastructure: blocking I/O. */
public final class ReadsAFile {

    private ReadsAFile() {}

    public static boolean exists(String path) {
        return new File(path).exists();
    }
}
