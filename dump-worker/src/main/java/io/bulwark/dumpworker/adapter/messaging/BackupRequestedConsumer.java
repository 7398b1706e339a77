package io.bulwark.dumpworker.adapter.messaging;

import io.bulwark.contracts.BackupRequested;
import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.InvalidEventException;
import io.bulwark.dumpworker.application.RejectRequest;
import io.bulwark.dumpworker.application.RunDump;
import io.bulwark.dumpworker.application.StorageOutageException;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code backupRequested} consumer function (binding {@code backupRequested-in-0}, destination
 * {@code bulwark.backup.requested}, group {@code bulwark-dump-worker}, {@code
 * bulwark.dump-worker.concurrency} consumer threads). The payload is decoded with {@link EventJson};
 * a message that is not a valid {@link BackupRequested} (a label that is not a safe id, say) is
 * answered with a {@code BackupFailed} INVALID_REQUEST naming the field when its request id and target
 * id can be read, and then throws {@link InvalidEventException}: bad input, dead-lettered at once to
 * {@code bulwark.backup.requested.dlq} while the consumer goes on. Nothing is dumped or uploaded for it.
 *
 * <p>What a thrown exception leads to is decided by service-support's {@code OutageTolerantConsumers}
 * (imported by {@code DumpWorkerApplication}): an unreachable object store ({@link StorageOutageException},
 * thrown by {@link RunDump#handle} once its own retries are spent) or Kafka is waited out on the same
 * record with a growing pause and never dead-lettered; the backup is not failed but delivered again
 * until the store is back. Any other exception is retried {@code max-attempts} times, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class BackupRequestedConsumer {

    @Bean
    public Consumer<Message<byte[]>> backupRequested(RunDump runDump, RejectRequest reject) {
        return message -> {
            BackupRequested request;
            try {
                request = EventJson.read(message.getPayload(), BackupRequested.class);
            } catch (InvalidEventException e) {
                reject.rejectIfIdentifiable(message.getPayload(), e.getMessage());
                throw e;
            }
            runDump.handle(request);
        };
    }
}
