package io.bulwark.scheduler.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.scheduler.application.BackupNotFoundException;
import io.bulwark.scheduler.application.PublishFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ApiExceptionHandlerRedactionTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void problemDetailsCarryNoUserInfoAndNoPassword() {
        ProblemDetail notFound =
                handler.plain(new BackupNotFoundException("no backup at s3://admin:hunter2@minio:9000/bulwark/shop/"));
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getTitle()).isEqualTo("Backup not found");
        assertThat(notFound.getDetail())
                .isEqualTo("no backup at s3://***@minio:9000/bulwark/shop/")
                .doesNotContain("hunter2");

        ProblemDetail unavailable = handler.unavailable(new PublishFailedException(
                "kafka refused: sasl.jaas.config password=\"hunter2\"", new IllegalStateException()));
        assertThat(unavailable.getDetail()).doesNotContain("hunter2").contains("password=***");
    }
}
