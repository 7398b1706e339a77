package io.bulwark.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.Topics;
import io.bulwark.embedded.ServiceTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kafka ACLs of the local stack ({@link ServiceTopics}) match what each service's {@code application.yml} binds:
 * the destinations of its {@code -out-} bindings are the topics it produces, those of its {@code -in-} bindings the
 * topics it consumes in its group, each with a dead-letter topic. A binding added without its grant fails here.
 */
class ServiceTopicsTest {

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void everyServicesGrantsMatchItsBindings() throws IOException {
        for (BulwarkService service : BulwarkService.values()) {
            ServiceTopics topics = ServiceTopics.of(service.module());
            Map<String, Object> stream = stream(service);
            Set<String> produces = new TreeSet<>();
            Set<String> consumes = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            bindings(stream).forEach((name, binding) -> {
                String destination = String.valueOf(binding.get("destination"));
                if (name.contains("-out-")) {
                    produces.add(destination);
                } else {
                    consumes.add(destination);
                    groups.add(String.valueOf(binding.get("group")));
                }
            });
            assertThat(new TreeSet<>(topics.produces())).as(service.module()).isEqualTo(produces);
            assertThat(new TreeSet<>(topics.consumes())).as(service.module()).isEqualTo(consumes);
            assertThat(groups).as(service.module()).containsExactly(topics.group());
            Map<String, Map<String, Object>> kafkaBindings = kafkaBindings(stream);
            bindings(stream).forEach((name, binding) -> {
                if (name.contains("-in-")) {
                    Map<?, ?> consumer = (Map<?, ?>) kafkaBindings.get(name).get("consumer");
                    assertThat(consumer.get("dlq-name"))
                            .as(service.module() + " " + name)
                            .isEqualTo(Topics.deadLetter(String.valueOf(binding.get("destination"))));
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stream(BulwarkService service) throws IOException {
        Path yml = ROOT.resolve(service.module()).resolve("src/main/resources/application.yml");
        Map<String, Object> root = new Yaml().load(Files.readString(yml));
        Map<String, Object> spring = (Map<String, Object>) root.get("spring");
        Map<String, Object> cloud = (Map<String, Object>) spring.get("cloud");
        return (Map<String, Object>) cloud.get("stream");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> bindings(Map<String, Object> stream) {
        return (Map<String, Map<String, Object>>) stream.get("bindings");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> kafkaBindings(Map<String, Object> stream) {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) stream.get("kafka")).get("bindings");
    }
}
