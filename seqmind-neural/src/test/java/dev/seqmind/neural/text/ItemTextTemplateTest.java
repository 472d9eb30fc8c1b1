package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemTextTemplateTest {
    private static final ItemMetadata TOY = new ItemMetadata("Toy Story (1995)", List.of("Animation", "Comedy"), "",
            Map.of("year", "1995"));

    @Test
    void rendersTitleAndGenresAsTheBriefAsks() {
        assertThat(ItemTextTemplate.parse("{title}. Genres: {genres}").render("1", TOY))
                .isEqualTo("Toy Story (1995). Genres: Animation, Comedy");
    }

    @Test
    void dropsOptionalPartsWhoseFieldsAreMissing() {
        ItemTextTemplate t = ItemTextTemplate.parse(ItemTextTemplate.DEFAULT);
        assertThat(t.render("1", TOY)).isEqualTo("Toy Story (1995). Genres: Animation, Comedy");
        assertThat(t.render("2", new ItemMetadata("Heat", List.of(), "", Map.of()))).isEqualTo("Heat");
        assertThat(t.render("3", new ItemMetadata("", List.of(), "A heist.", Map.of()))).isEqualTo(". A heist.");
    }

    @Test
    void attributesAreFieldsByName() {
        assertThat(ItemTextTemplate.parse("{title}[ ({year})][, by {director}]").render("1", TOY))
                .isEqualTo("Toy Story (1995) (1995)");
    }

    @Test
    void anItemWithoutAnyFieldHasNoTextAndIsCounted() {
        ItemTextTemplate t = ItemTextTemplate.parse("Item {id}[: {title}]");
        assertThat(t.render("9", ItemMetadata.EMPTY)).isEmpty();
        var texts = t.renderAll(IdMap.of(List.of("1", "9")), new ItemCatalog(Map.of("1", TOY)));
        assertThat(texts.texts()).containsExactly("Item 1: Toy Story (1995)", "");
        assertThat(texts.missing()).isEqualTo(1);
    }

    @Test
    void malformedTemplatesAreRejected() {
        for (String bad : List.of("{title", "no fields", "[{title}", "{title}]", "[[{title}]]", "{}", "title}")) {
            assertThatThrownBy(() -> ItemTextTemplate.parse(bad)).as(bad)
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("item text template");
        }
    }
}
