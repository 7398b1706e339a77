package io.bulwark.verifier;

import io.bulwark.service.consumer.OutageTolerantConsumers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Entry point of the verifier-service; its Kafka consumers wait out outages of the object store and of Kafka itself
 * ({@link OutageTolerantConsumers}): a verification or restore that meets one is tried again, never dead-lettered.
 */
@SpringBootApplication
@Import(OutageTolerantConsumers.class)
public class VerifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(VerifierApplication.class, args);
    }
}
