package io.bulwark.retention;

import io.bulwark.service.consumer.OutageTolerantConsumers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Entry point of the retention-service; its Kafka consumers wait out outages of its database ({@link OutageTolerantConsumers}). */
@SpringBootApplication
@Import(OutageTolerantConsumers.class)
public class RetentionApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetentionApplication.class, args);
    }
}
