package io.bulwark.engines.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engines.process.ProcessRunner.Command;
import io.bulwark.engines.process.ProcessRunner.RunningProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    @Test
    void closingTheRunnerKillsEveryRunningProcessWithItsChildren() throws Exception {
        ProcessRunner runner = new ProcessRunner();
        RunningProcess shell =
                runner.start(Command.of(Duration.ofMinutes(5), "sh", "-c", "sleep 300 & sleep 300 & wait"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (shell.pidTree().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> tree = shell.pidTree();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
        assertThat(runner.runningCount()).isEqualTo(1);

        runner.close();

        assertThat(tree).allSatisfy(p -> assertThat(p.onExit().get().isAlive()).isFalse());
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (runner.runningCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(runner.runningCount()).isZero();
    }

    @Test
    void aProcessThatOutlivesItsTimeoutIsKilledAndSaysSo() {
        ProcessRunner runner = new ProcessRunner();
        ProcessRunner.Result result = runner.run(Command.of(Duration.ofMillis(300), "sleep", "30"));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
    }
}
