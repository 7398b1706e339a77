package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LocalServersTest {

    @Test
    void awaitExitReturnsWhenTheProcessEnds() throws Exception {
        Process p = new ProcessBuilder("sleep", "0.2").start();
        long started = System.nanoTime();

        assertThat(LocalServers.awaitExit(p.toHandle(), Duration.ofSeconds(10))).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void awaitExitGivesUpAfterTheTimeout() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(LocalServers.awaitExit(p.toHandle(), Duration.ofMillis(100)))
                    .isFalse();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aZombieCountsAsExited() throws Exception {
        // the shell starts a short sleep, then becomes a long sleep that never reaps it: the short one stays a zombie
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & exec sleep 30").start();
        try {
            ProcessHandle child = awaitChild(parent);
            long started = System.nanoTime();

            assertThat(LocalServers.awaitExit(child, Duration.ofSeconds(10))).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(LocalServers.isZombie(child.pid())).isTrue();
            assertThat(LocalServers.isZombie(parent.pid())).isFalse();
        } finally {
            parent.destroyForcibly();
        }
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = parent.children().toList();
            if (!children.isEmpty()) {
                return children.getFirst();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the shell started no child");
    }
}
