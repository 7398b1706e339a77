package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its container-sandbox override are safe by default: every published port listens on
 * 127.0.0.1, no secret has a default value, every secret the files need is in .env.example, and only the socket
 * proxy mounts the Docker socket.
 */
class DockerComposeSafetyTest {

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final List<String> FILES = List.of("docker-compose.yml", "docker-compose.sandbox-containers.yml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?+])?([^}]*)}");

    @Test
    void everyPublishedPortListensOnLoopbackOnly() throws IOException {
        for (String file : FILES) {
            services(file).forEach((name, service) -> {
                Object ports = service.get("ports");
                if (ports instanceof List<?> list) {
                    for (Object port : list) {
                        assertThat(String.valueOf(port))
                                .as("%s: port of %s", file, name)
                                .startsWith("127.0.0.1:");
                    }
                }
            });
        }
    }

    @Test
    void noVariableButAPublishedPortHasADefaultAndEverySecretIsRequiredAndInEnvExample() throws IOException {
        String example = Files.readString(ROOT.resolve(".env.example"));
        List<String> problems = new ArrayList<>();
        for (String file : FILES) {
            Matcher m = VARIABLE.matcher(Files.readString(ROOT.resolve(file)));
            while (m.find()) {
                String name = m.group(1);
                String operator = m.group(2);
                if (name.endsWith("_PORT")
                        && ":-".equals(operator)
                        && m.group(3).matches("[0-9]{1,5}")) {
                    // a published port (on 127.0.0.1 only, checked above) that may be moved: no secret
                    continue;
                }
                if (!":?".equals(operator)) {
                    problems.add(file + ": ${" + name + "} is not required with :? (" + m.group() + ")");
                }
                if (!Pattern.compile("(?m)^" + name + "=").matcher(example).find()) {
                    problems.add(file + ": " + name + " is missing in .env.example");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void onlyTheSocketProxyMountsTheDockerSocketAndTheVerifierHasNoneByDefault() throws IOException {
        for (String file : FILES) {
            services(file).forEach((name, service) -> {
                Object volumes = service.get("volumes");
                if (volumes instanceof List<?> list && !name.equals("docker-socket-proxy")) {
                    assertThat(list)
                            .as("%s: volumes of %s", file, name)
                            .noneMatch(v -> String.valueOf(v).contains("docker.sock"));
                }
            });
        }
        Map<String, Object> verifier = services("docker-compose.yml").get("verifier-service");
        assertThat(String.valueOf(verifier.get("environment"))).contains("BULWARK_VERIFIER_SANDBOX_KIND=local");
        assertThat(verifier).doesNotContainKey("group_add");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve(file)));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }
}
