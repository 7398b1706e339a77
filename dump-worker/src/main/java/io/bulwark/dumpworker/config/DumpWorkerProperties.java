package io.bulwark.dumpworker.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dump-worker itself ({@code bulwark.dump-worker.*}).
 *
 * @param pgDumpProgram {@code pg_dump} (the newest installed version that is at least the server's,
 *     else the PATH) or the path of a binary
 * @param compressionLevel zstd level, 1..19, default 3
 */
@Validated
@ConfigurationProperties("bulwark.dump-worker")
public record DumpWorkerProperties(
        @DefaultValue("pg_dump") @NotBlank String pgDumpProgram,
        @DefaultValue("3") @Min(1) @Max(19) int compressionLevel) {}
