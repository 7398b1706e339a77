package io.bulwark.verifier.adapter.scheduling;

import io.bulwark.verifier.application.InterruptedRestores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends interrupted restores ({@link InterruptedRestores#sweep()}) when the verifier is ready, then every minute
 * ({@code bulwark.restore.sweep-interval}), so that a restore whose verifier died is ended by whichever verifier
 * runs. An object store that cannot be read is waited out: the next sweep tries again.
 */
@Component
@EnableScheduling
public class InterruptedRestoreSweep {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRestoreSweep.class);

    private final InterruptedRestores interrupted;

    public InterruptedRestoreSweep(InterruptedRestores interrupted) {
        this.interrupted = interrupted;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        sweep();
    }

    @Scheduled(
            initialDelayString = "${bulwark.restore.sweep-interval:PT1M}",
            fixedDelayString = "${bulwark.restore.sweep-interval:PT1M}")
    public void sweep() {
        try {
            int ended = interrupted.sweep();
            if (ended > 0) {
                log.info("ended {} interrupted restores", ended);
            }
        } catch (RuntimeException e) {
            log.warn("cannot look for interrupted restores now: {}", e.getMessage());
        }
    }
}
