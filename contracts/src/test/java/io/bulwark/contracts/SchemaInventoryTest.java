package io.bulwark.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.contracts.SchemaInventory.TableInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInventoryTest {

    @Test
    void totalRowsCountsAPartitionedTablesRowsOnceInItsPartitions() {
        SchemaInventory inventory = SchemaInventory.ofTables(List.of(
                new TableInfo("public", "measurement", 300, true),
                new TableInfo("public", "measurement_2025", 213),
                new TableInfo("public", "measurement_2026", 87),
                new TableInfo("public", "customer", 25)));

        assertThat(inventory.totalRows()).isEqualTo(325);
    }

    @Test
    void aManifestWrittenBeforeThePartitionedFlagReadsAsOrdinaryTables() {
        byte[] json = "{\"tables\":[{\"schema\":\"public\",\"name\":\"album\",\"rows\":347}]}"
                .getBytes(StandardCharsets.UTF_8);

        SchemaInventory inventory = EventJson.read(json, SchemaInventory.class);

        assertThat(inventory.tables()).containsExactly(new TableInfo("public", "album", 347));
        assertThat(inventory.views()).isEmpty();
    }
}
