package io.bulwark.dumpworker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dump-worker itself ({@code bulwark.dump-worker.*}).
 *
 * @param pgDumpProgram {@code pg_dump} (the newest installed version that is at least the server's,
 *     else the PATH) or the path of a binary
 * @param mariadbDumpProgram {@code mariadb-dump} (falling back to {@code mysqldump}) or the path of a
 *     binary
 * @param compressionLevel default zstd level, 1..19, default 3 (a target may set its own)
 * @param concurrency how many backups one worker takes at once (Kafka consumer threads; one target is
 *     never dumped twice at once, as its requests share a partition), default 2
 * @param maxAttempts how many times one request is attempted in all, counting attempts a killed worker
 *     never finished, before it ends as {@code BackupFailed} with {@code retryable=false}; default 3
 * @param progressInterval how often a running dump publishes {@code BackupProgressed}; default 5 s
 * @param staleUploadAge incomplete multipart uploads older than this are aborted at start-up (a worker
 *     killed mid-upload leaves one); default 24 h
 * @param storage how object-store outages are ridden out
 * @param rawSha256 true to record the SHA-256 of the dump tool's output ({@code artifact.rawSha256} of the
 *     manifest and {@code BackupCompleted}); default false: the zstd frame's content checksum (or gzip's CRC-32)
 *     and OpenPGP's Modification Detection Code already protect the content, the stored bytes' SHA-256 is always
 *     recorded, and hashing every byte of the dump a second time slows the capture down
 */
@Validated
@ConfigurationProperties("bulwark.dump-worker")
public record DumpWorkerProperties(
        @DefaultValue("pg_dump") @NotBlank String pgDumpProgram,
        @DefaultValue("mariadb-dump") @NotBlank String mariadbDumpProgram,
        @DefaultValue("3") @Min(1) @Max(19) int compressionLevel,
        @DefaultValue("2") @Min(1) @Max(64) int concurrency,
        @DefaultValue("3") @Min(1) @Max(100) int maxAttempts,
        @DefaultValue("5s") @NotNull Duration progressInterval,
        @DefaultValue("24h") @NotNull Duration staleUploadAge,
        @DefaultValue @Valid Storage storage,
        @DefaultValue("false") boolean rawSha256) {

    /**
     * Retries with exponential backoff and a circuit breaker (Resilience4j) around the object store.
     * While the breaker is open no dump is started; after {@code retryAttempts} the request ends as a
     * retryable {@code BackupFailed} and is kept on the dead-letter topic to be replayed.
     *
     * @param retryAttempts attempts of one backup while the store is unavailable, default 8: with the default backoff
     *     they span about 3 minutes (2 + 4 + 8 + 16 + 32 + 60 + 60 s), so that an outage of a minute or two loses no
     *     backup
     * @param initialBackoff wait before the second attempt, doubled each time, default 2 s
     * @param maxBackoff longest wait between attempts, default 1 min
     * @param failureRateThreshold percentage of failed store calls that opens the breaker, default 50
     * @param minimumCalls calls the breaker needs before it judges, default 4
     * @param openDuration how long the breaker stays open before it lets a trial call through, default 30 s
     */
    public record Storage(
            @DefaultValue("8") @Min(1) int retryAttempts,
            @DefaultValue("2s") @NotNull Duration initialBackoff,
            @DefaultValue("1m") @NotNull Duration maxBackoff,
            @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
            @DefaultValue("4") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openDuration) {}
}
