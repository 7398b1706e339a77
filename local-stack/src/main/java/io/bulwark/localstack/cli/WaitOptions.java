package io.bulwark.localstack.cli;

import io.bulwark.localstack.DurationConverter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait} and {@code --timeout}, shared by the commands that can follow what they started. */
public final class WaitOptions {

    @Option(names = "--wait", description = "Follow it with a progress bar until it ends; exit 1 unless it passed.")
    boolean wait;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "How long --wait waits (e.g. 90s, 10m, PT1H; default ${DEFAULT-VALUE}); then exit 5.")
    Duration timeout;
}
