package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @Test
    void startOnFreePortTriesAnotherFreePortWhenOneWasTaken() throws Exception {
        List<Integer> tried = new ArrayList<>();

        String started = LocalServers.startOnFreePort("127.0.0.1", 0, 3, port -> {
            tried.add(port);
            if (tried.size() < 3) {
                throw new PortTakenException("port " + port + " taken");
            }
            return "server on " + port;
        });

        assertThat(tried).hasSize(3).allSatisfy(port -> assertThat(port).isBetween(1, 65535));
        assertThat(started).isEqualTo("server on " + tried.getLast());
    }

    @Test
    void startOnFreePortGivesUpAfterItsAttemptsWithTheLastFailure() {
        List<Integer> tried = new ArrayList<>();

        assertThatThrownBy(() -> LocalServers.startOnFreePort("127.0.0.1", 0, 2, port -> {
                    tried.add(port);
                    throw new PortTakenException("attempt " + tried.size());
                }))
                .isInstanceOf(PortTakenException.class)
                .hasMessage("attempt 2");
        assertThat(tried).hasSize(2);
    }

    @Test
    void startOnFreePortTriesAFixedPortOnce() {
        List<Integer> tried = new ArrayList<>();

        assertThatThrownBy(() -> LocalServers.startOnFreePort("127.0.0.1", 5433, 3, port -> {
                    tried.add(port);
                    throw new PortTakenException("taken");
                }))
                .isInstanceOf(PortTakenException.class);
        assertThat(tried).containsExactly(5433);
    }

    @Test
    void startOnFreePortDoesNotRetryOtherFailures() {
        List<Integer> tried = new ArrayList<>();

        assertThatThrownBy(() -> LocalServers.startOnFreePort("127.0.0.1", 0, 3, port -> {
                    tried.add(port);
                    throw new IllegalStateException("initdb failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("initdb failed");
        assertThat(tried).hasSize(1);
    }

    @Test
    void startOnFreePortRefusesABadPortOrNoAttempts() {
        assertThatThrownBy(() -> LocalServers.startOnFreePort("127.0.0.1", 70000, 1, port -> port))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalServers.startOnFreePort("127.0.0.1", 0, 0, port -> port))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void killEndsTheProcessAndItsChildren() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        try {
            ProcessHandle child = awaitChild(parent);

            assertThat(LocalServers.kill(parent.toHandle(), Duration.ofSeconds(10)))
                    .isTrue();

            assertThat(parent.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(child.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
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
