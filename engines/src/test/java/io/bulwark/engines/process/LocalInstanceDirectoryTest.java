package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInstanceDirectoryTest {

    private static final Duration AGE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void createsAFreshDirectoryOwnedByThisJvmUnderAWorkDirectoryItCreates() throws Exception {
        Path workDir = work.resolve("not/yet");

        LocalInstanceDirectory first = LocalInstanceDirectory.create(workDir, "bulwark-x-");
        LocalInstanceDirectory second = LocalInstanceDirectory.create(workDir, "bulwark-x-");

        assertThat(first.path()).isDirectory().isAbsolute().hasParent(workDir.toAbsolutePath());
        assertThat(first.path().getFileName().toString()).startsWith("bulwark-x-");
        assertThat(second.path()).isNotEqualTo(first.path());
        assertThat(Files.readString(first.path().resolve(LocalInstanceDirectory.OWNER_FILE)))
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(first.owner()).contains(ProcessHandle.current().pid());
        assertThat(first.isOrphan(AGE)).isFalse();
    }

    @Test
    void anInstanceWhoseOwnerIsGoneIsAnOrphanWhateverItsAge() throws Exception {
        LocalInstanceDirectory dir = LocalInstanceDirectory.create(work, "bulwark-x-");
        Files.writeString(
                dir.path().resolve(LocalInstanceDirectory.OWNER_FILE), Long.toString(OrphanReaperTest.deadPid()));

        assertThat(dir.isOrphan(AGE)).isTrue();
    }

    @Test
    void anInstanceWithoutAReadableOwnerIsAnOrphanOnlyOnceOld() throws Exception {
        Path path = Files.createDirectory(work.resolve("bulwark-x-1"));
        Files.writeString(path.resolve(LocalInstanceDirectory.OWNER_FILE), "garbage");
        LocalInstanceDirectory dir = LocalInstanceDirectory.of(path);

        assertThat(dir.owner()).isEmpty();
        assertThat(dir.isOrphan(AGE)).isFalse();
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minus(AGE.plusMinutes(1))));
        assertThat(dir.isOrphan(AGE)).isTrue();
    }

    @Test
    void aMissingDirectoryIsNoOrphan() {
        assertThat(LocalInstanceDirectory.of(work.resolve("gone")).isOrphan(AGE))
                .isFalse();
    }

    @Test
    void deleteRemovesTheWholeTreeAndToleratesItsAbsence() throws Exception {
        LocalInstanceDirectory dir = LocalInstanceDirectory.create(work, "bulwark-x-");
        Files.writeString(
                Files.createDirectories(dir.path().resolve("data/base")).resolve("f"), "x");

        dir.delete();
        dir.delete();

        assertThat(dir.path()).doesNotExist();
        assertThat(work).isDirectory();
    }
}
