package io.bulwark.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void readsTheValueMeasurementOfTheActuatorAnswer() {
        String json = """
                {"name":"jvm.memory.used","description":"The amount of used memory","baseUnit":"bytes",
                 "measurements":[{"statistic":"VALUE","value":5.24288E7}],
                 "availableTags":[{"tag":"id","values":["G1 Eden Space","G1 Old Gen"]}]}
                """;

        assertThat(HeapSampler.heapUsedBytes(json)).hasValue(52_428_800L);
        assertThat(HeapSampler.mb(52_428_800L)).isEqualTo(50.0);
    }

    @Test
    void findsNoValueInAnAnswerWithoutOne() {
        assertThat(HeapSampler.heapUsedBytes("{\"measurements\":[{\"statistic\":\"COUNT\",\"value\":3}]}"))
                .isEmpty();
        assertThat(HeapSampler.heapUsedBytes("{}")).isEmpty();
    }

    @Test
    void asksForTheHeapAreaOfJvmMemoryUsed() {
        assertThat(HeapSampler.metricsUri(8081))
                .hasToString("http://127.0.0.1:8081/actuator/metrics/jvm.memory.used?tag=area:heap");
    }
}
