package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.rec.FitContext;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Items that arrive after a content model was saved: embedded from their text and scored without retraining. */
class NewItemsTest {
    private static final ItemMetadata FIRST_CONTACT = new ItemMetadata("Star Trek: First Contact",
            List.of("Action", "Sci-Fi"), "The crew of the Enterprise travels back in time to stop the Borg.",
            Map.of("year", "1996"));

    private static Recommender savedAndLoaded(Path tmp, String template) throws IOException {
        SequenceDataset data = ContentRecommendersTest.dataset();
        TextSettings text = TextSettings.of(TextModelSpec.MINILM).withCacheDir(tmp.resolve("cache"))
                .withTemplate(template);
        var trainer = ContentKnnTrainer.defaults(text);
        Path dir = tmp.resolve("knn");
        ModelDirectory.save(trainer.fit(data, FitContext.of(1)), dir, Provenance.of(data, trainer, FitContext.of(1)),
                data.catalog());
        return ModelDirectory.load(dir);
    }

    @Test
    void aLoadedContentKnnRecommendsAnItemAddedAfterItWasSaved(@TempDir Path tmp) throws IOException {
        ContentKnnRecommender loaded = (ContentKnnRecommender) savedAndLoaded(tmp, ItemTextTemplate.DEFAULT);
        int before = loaded.numItems();
        ItemCatalog added = new ItemCatalog(Map.of("new-1", new ItemMetadata("Star Trek: First Contact",
                        List.of("Action", "Sci-Fi"), "", Map.of()),
                "m0", new ItemMetadata("ignored: m0 is known", List.of(), "", Map.of())));
        ContentKnnRecommender bigger = (ContentKnnRecommender) loaded.withItems(List.of("m0", "new-1"), added);

        assertThat(loaded.numItems()).isEqualTo(before);                   // the loaded model is unchanged
        assertThat(bigger.numItems()).isEqualTo(before + 1);
        int fresh = bigger.items().denseId("new-1");
        assertThat(fresh).isEqualTo(before);                               // appended, known ids keep their place
        assertThat(bigger.items().denseId("m0")).isZero();
        assertThat(bigger.vectors().has()[fresh]).isTrue();
        // after Star Wars, with the other Star Trek film excluded, the new Star Trek film comes first
        int[] starWars = {0};
        assertThat(bigger.topK(starWars, 1, new int[] {0, 3}).items()).containsExactly(fresh);
        // its only evidence is its text: the history item whose text is nearest
        assertThat(bigger.explain(starWars, fresh).evidence()).containsExactly(0);
        // existing items score exactly as before
        float[] a = new float[before];
        float[] b = new float[before + 1];
        loaded.score(new int[] {2, 1}, a);
        bigger.score(new int[] {2, 1}, b);
        assertThat(java.util.Arrays.copyOf(b, before)).containsExactly(a);
        assertThat(loaded.withItems(List.of("m1"), ItemCatalog.EMPTY)).isSameAs(loaded);
    }

    @Test
    void anAttributeTemplateIsKeptWithTheModelAndRendersNewItems(@TempDir Path tmp) throws IOException {
        ContentKnnRecommender loaded = (ContentKnnRecommender) savedAndLoaded(tmp, "{title}[ ({year})][. {text}]");
        assertThat(loaded.settings().template()).isEqualTo("{title}[ ({year})][. {text}]");
        ContentKnnRecommender bigger = (ContentKnnRecommender) loaded.withItems(List.of("new-1"),
                new ItemCatalog(Map.of("new-1", FIRST_CONTACT)));
        // the vector is the one of the text the template renders from the title, attribute and text
        String rendered = ItemTextTemplate.parse(loaded.settings().template()).render("new-1", FIRST_CONTACT);
        assertThat(rendered).isEqualTo("Star Trek: First Contact (1996). The crew of the Enterprise travels back in "
                + "time to stop the Borg.");
        try (TextEmbedder e = loaded.settings().openEmbedder()) {
            float[] expected = e.embed(List.of(rendered)).vectors()[0];
            float[] got = new float[expected.length];
            bigger.vectors().addTo(bigger.items().denseId("new-1"), 1f, got);
            assertThat(got).containsExactly(expected);
        }
    }

    @Test
    void aNewItemWithoutTextForTheTemplateIsRefusedByName(@TempDir Path tmp) throws IOException {
        ContentKnnRecommender loaded = (ContentKnnRecommender) savedAndLoaded(tmp, ItemTextTemplate.DEFAULT);
        assertThatThrownBy(() -> loaded.withItems(List.of("bare"), new ItemCatalog(Map.of("bare",
                new ItemMetadata("", List.of(), "", Map.of("colour", "red"))))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("item bare");
    }
}
