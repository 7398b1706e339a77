package io.bulwark.notifier;

import io.bulwark.service.consumer.OutageTolerantConsumers;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Entry point of the notifier-service; its Kafka consumers wait out outages of its database ({@link OutageTolerantConsumers}). */
@SpringBootApplication
@Import(OutageTolerantConsumers.class)
public class NotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifierApplication.class, args);
    }
}
