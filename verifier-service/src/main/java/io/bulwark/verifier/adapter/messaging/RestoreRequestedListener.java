package io.bulwark.verifier.adapter.messaging;

import io.bulwark.contracts.EventJson;
import io.bulwark.contracts.RestoreRequested;
import io.bulwark.verifier.application.RestoreBackup;
import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The Spring Cloud Stream consumer of {@code bulwark.restore.requested} (binding {@code restoreRequested-in-0}, group
 * {@code bulwark-verifier}): runs a proven restore ({@link RestoreBackup}). An undecodable request throws {@link
 * io.bulwark.contracts.InvalidEventException}, which the binder sends to {@code bulwark.restore.requested.dlq} after
 * its attempts, while the consumer goes on; a refused or failed restore is an outcome ({@code RestoreFailed}), not an
 * exception.
 */
@Component("restoreRequested")
public class RestoreRequestedListener implements Consumer<Message<byte[]>> {

    private final RestoreBackup restoreBackup;

    public RestoreRequestedListener(RestoreBackup restoreBackup) {
        this.restoreBackup = restoreBackup;
    }

    @Override
    public void accept(Message<byte[]> message) {
        restoreBackup.handle(EventJson.read(message.getPayload(), RestoreRequested.class));
    }
}
