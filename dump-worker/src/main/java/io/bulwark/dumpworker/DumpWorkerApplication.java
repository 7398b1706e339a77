package io.bulwark.dumpworker;

import io.bulwark.service.consumer.OutageTolerantConsumers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Entry point of the dump-worker; its Kafka consumer waits out outages of the object store and of Kafka itself
 * ({@link OutageTolerantConsumers}): a backup request that meets one is delivered again, never dead-lettered.
 */
@SpringBootApplication
@Import(OutageTolerantConsumers.class)
public class DumpWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DumpWorkerApplication.class, args);
    }
}
