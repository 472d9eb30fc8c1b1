package dev.seqmind.rec.store;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemsFileTest {
    @Test
    void keepsTextAndAttributesForContentModels(@TempDir Path dir) throws IOException {
        ItemMetadata heat = new ItemMetadata("Heat", List.of("Action", "Crime"), "A heist goes wrong.",
                Map.of("year", "1995", "director", "Michael Mann"));
        ItemsFile.write(dir, IdMap.of(List.of("1", "2")), new ItemCatalog(Map.of("1", heat)));
        ItemCatalog back = ItemsFile.readCatalog(dir);
        assertThat(back.get("1")).isEqualTo(heat);
        assertThat(back.get("2")).isEqualTo(ItemMetadata.EMPTY);
    }

    @Test
    void readsFilesWrittenBeforeTextAndAttributesWereKept(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ItemsFile.NAME), "{\"items\":[{\"id\":\"7\",\"title\":\"Old\"}]}");
        assertThat(ItemsFile.readCatalog(dir).get("7")).isEqualTo(new ItemMetadata("Old", List.of(), "", Map.of()));
    }
}
