package dev.seqmind.server.model;

import dev.seqmind.data.model.ItemMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Items added at run time written to a real SQLite file and read back by a new process's log (PostgreSQL: the subclass). */
class StoredItemsTest {
    /** The {@code --store} value of a fresh, empty database. */
    String freshStore(Path tmp) throws Exception {
        return tmp.resolve("items.sqlite").toString();
    }

    private static final ItemMetadata FIRST_CONTACT = new ItemMetadata("Star Trek: First Contact",
            List.of("Sci-Fi", "Adventure"), "The crew travels back in time: \"quotes\", ünïcödé.", Map.of("year", "1996"));

    @Test
    void addedItemsComeBackInOrderWithTheirVectorsAndAFirstAddWins(@TempDir Path tmp) throws Exception {
        String store = freshStore(tmp);
        float[] image = {0.1f, -2.5e-7f, 3.4028235e38f, 1f / 3};
        try (StoredItems log = StoredItems.open(store)) {
            assertThat(log.items()).isEmpty();
            log.added(List.of(new ItemLog.AddedItem("b", FIRST_CONTACT, Map.of("image", image)),
                    new ItemLog.AddedItem("a", new ItemMetadata("Alien", List.of(), "", Map.of()), Map.of())));
            log.added(List.of(new ItemLog.AddedItem("c", new ItemMetadata("", List.of(), "text only", Map.of()),
                    Map.of()), new ItemLog.AddedItem("b", new ItemMetadata("replaced?", List.of(), "", Map.of()),
                    Map.of())));
        }
        try (StoredItems log = StoredItems.open(store)) {
            List<ItemLog.AddedItem> back = log.items();
            assertThat(back).extracting(ItemLog.AddedItem::id).containsExactly("b", "a", "c");
            assertThat(back.get(0).metadata()).isEqualTo(FIRST_CONTACT);
            assertThat(back.get(0).vectors().get("image")).containsExactly(image);
            assertThat(back.get(1).vectors()).isEmpty();
            assertThat(back.get(2).metadata().text()).isEqualTo("text only");
        }
    }
}
