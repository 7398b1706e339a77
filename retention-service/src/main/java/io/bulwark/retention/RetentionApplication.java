package io.bulwark.retention;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the retention-service. */
@SpringBootApplication
public class RetentionApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetentionApplication.class, args);
    }
}
