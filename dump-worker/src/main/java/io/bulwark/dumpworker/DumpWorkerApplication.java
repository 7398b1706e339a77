package io.bulwark.dumpworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the dump-worker. */
@SpringBootApplication
public class DumpWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DumpWorkerApplication.class, args);
    }
}
