package io.bulwark.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service started with no token and no OIDC issuer is never open: a real servlet context with only the
 * auto-configuration and one endpoint refuses every call with 401, even with a bearer token, and says at start-up
 * how to configure a token.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = NoTokenConfiguredTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.stream.enabled=false")
class NoTokenConfiguredTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Ping.class)
    static class App {}

    @RestController
    static class Ping {
        @GetMapping("/api/ping")
        String ping() {
            return "pong";
        }
    }

    @LocalServerPort
    int port;

    @Test
    void everyCallIsRefusedAndStartUpSaysHowToConfigureAToken(CapturedOutput output) throws Exception {
        HttpResponse<String> anonymous = get(null);
        HttpResponse<String> guessed = get("admin");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(ProblemResponses.PROBLEM_JSON));
        assertThat(anonymous.body()).contains("\"reason\":\"missing-token\"").doesNotContain("pong");
        assertThat(guessed.statusCode()).isEqualTo(401);
        assertThat(guessed.body()).contains("\"reason\":\"invalid-token\"").doesNotContain("pong");
        assertThat(output.getAll())
                .contains("no API token and no OIDC issuer is configured")
                .contains("bulwark.security.tokens[0].token-file");
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ping"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
