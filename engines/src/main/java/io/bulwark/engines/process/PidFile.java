package io.bulwark.engines.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the pid files of local servers: {@code postmaster.pid}, {@code mariadbd.pid} and the owner marker of a
 * {@link LocalInstanceDirectory} all hold a process id on their first line.
 */
public final class PidFile {

    private PidFile() {}

    /**
     * The process id on the first non-blank line of {@code file}.
     *
     * @param file the pid file
     * @return the pid (positive), or empty when the file is missing, unreadable, empty or does not start with a
     *     positive number; never throws
     */
    public static Optional<Long> read(Path file) {
        try {
            String first = Files.readString(file, StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .findFirst()
                    .orElse("")
                    .strip();
            long pid = Long.parseLong(first);
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The live process whose id {@code file} holds.
     *
     * @param file the pid file
     * @return the process, or empty when the file names no pid ({@link #read}) or that process no longer runs
     */
    public static Optional<ProcessHandle> liveProcess(Path file) {
        return read(file).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }
}
