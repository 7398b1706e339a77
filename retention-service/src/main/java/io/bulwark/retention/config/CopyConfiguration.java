package io.bulwark.retention.config;

import io.bulwark.artifacts.ObjectStore;
import io.bulwark.retention.adapter.scheduling.CopyJob;
import io.bulwark.retention.adapter.storage.S3CopyStore;
import io.bulwark.retention.application.AnnounceCopies;
import io.bulwark.retention.application.CopyBackups;
import io.bulwark.retention.application.CopyCatalog;
import io.bulwark.retention.application.CopyDestination;
import io.bulwark.retention.application.CopyPublisher;
import io.bulwark.retention.application.ExpireCopies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires 3-2-1 copies: {@code bulwark.copies.*}, the copy stores, the use cases and the copy job. */
@Configuration(proxyBeanMethods = false)
public class CopyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CopyConfiguration.class);

    /** {@code bulwark.copies.*}; a wrong value fails start-up naming the property. */
    @Bean
    CopiesProperties copiesProperties(Environment environment) {
        CopiesProperties copies = CopiesProperties.bind(Binder.get(environment), System::getenv);
        for (CopiesProperties.Store store : copies.stores()) {
            log.info(
                    "Copy store {}: {}, retention {}{}",
                    store.copyId(),
                    store.settings(),
                    store.retention().name(),
                    store.enabled() ? "" : " (disabled)");
        }
        return copies;
    }

    /** The enabled copy stores. */
    @Bean
    List<CopyDestination> copyDestinations(CopiesProperties copies, MeterRegistry meters) {
        return copies.stores().stream()
                .filter(CopiesProperties.Store::enabled)
                .map(s -> new CopyDestination(
                        s.copyId(), new S3CopyStore(s.copyId(), s.settings(), meters), s.retention()))
                .toList();
    }

    /** Announces copy states on {@code bulwark.backup.copy}. */
    @Bean
    AnnounceCopies announceCopies(CopyCatalog catalog, CopyPublisher publisher) {
        return new AnnounceCopies(catalog, publisher);
    }

    /** Makes the copies. */
    @Bean
    CopyBackups copyBackups(
            CopyCatalog catalog,
            ObjectStore objectStore,
            List<CopyDestination> copyDestinations,
            AnnounceCopies announceCopies,
            Clock clock) {
        return new CopyBackups(catalog, objectStore, copyDestinations, announceCopies, clock);
    }

    /** Applies the copy stores' retention. */
    @Bean
    ExpireCopies expireCopies(
            CopyCatalog catalog, List<CopyDestination> copyDestinations, AnnounceCopies announceCopies, Clock clock) {
        return new ExpireCopies(catalog, copyDestinations, announceCopies, clock);
    }

    /** The copy job, stopped with the context. */
    @Bean(destroyMethod = "close")
    CopyJob copyJob(
            CopyBackups copyBackups,
            ExpireCopies expireCopies,
            CopiesProperties copies,
            RetentionProperties retention) {
        return new CopyJob(
                copyBackups,
                expireCopies,
                copies.retryInterval(),
                retention.retention().sweepInterval());
    }
}
