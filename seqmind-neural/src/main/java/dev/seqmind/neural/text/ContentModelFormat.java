package dev.seqmind.neural.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ItemsFile;
import dev.seqmind.rec.store.ModelFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves {@link ContentKnnRecommender} and {@link LmZeroShotRecommender} (type {@code "text-content"}) as
 * {@code content.json}: the sentence model, the item text template, the model's own settings and its popularity
 * fall-back. Item vectors are not stored: loading renders them again from the text kept in {@code items.json} and
 * embeds them through the vector cache. Stateless and thread-safe.
 */
public final class ContentModelFormat implements ModelFormat {
    static final String FILE = "content.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * {@code content.json}.
     *
     * @param kind         "content-knn" or "lm-zero-shot"
     * @param model        the sentence model
     * @param template     the item text template
     * @param window       content-knn: history items in the profile (0 for lm-zero-shot)
     * @param decay        content-knn: weight ratio per step back (0 for lm-zero-shot)
     * @param historyItems lm-zero-shot: items in the behaviour sentence (0 for content-knn)
     * @param verb         lm-zero-shot: the sentence's verb ("" for content-knn)
     * @param popularity   the popularity fall-back score of every item, dense id order
     */
    public record Saved(String kind, TextModelSpec model, String template, int window, float decay, int historyItems,
                        String verb, float[] popularity) {
    }

    @Override
    public String type() {
        return "text-content";
    }

    @Override
    public boolean supports(Recommender model) {
        return model instanceof ContentKnnRecommender || model instanceof LmZeroShotRecommender;
    }

    @Override
    public void save(Recommender model, Path dir) throws IOException {
        Saved s;
        if (model instanceof ContentKnnRecommender c) {
            s = new Saved(ContentKnnTrainer.NAME, c.settings().model(), c.settings().template(), c.window(),
                    c.decay(), 0, "", c.popularity());
        } else {
            LmZeroShotRecommender z = (LmZeroShotRecommender) model;
            s = new Saved(LmZeroShotTrainer.NAME, z.settings().model(), z.settings().template(), 0, 0f,
                    z.behaviour().maxItems(), z.behaviour().verb(), z.popularity());
        }
        JSON.writeValue(dir.resolve(FILE).toFile(), s);
    }

    @Override
    public Recommender load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new SeqmindException(f + " is missing: the directory holds no content model");
        }
        Saved s = JSON.readValue(f.toFile(), Saved.class);
        IdMap items = ItemsFile.readIds(dir);
        if (s.popularity().length != items.size()) {
            throw new SeqmindException(f + ": " + s.popularity().length + " popularity scores for " + items.size()
                    + " items in items.json; the directory is inconsistent");
        }
        ItemCatalog catalog = ItemsFile.readCatalog(dir);
        TextSettings settings = TextSettings.of(s.model()).withTemplate(s.template());
        ItemVectors vectors = ItemVectors.embed(settings, items, catalog);
        return switch (s.kind()) {
            case ContentKnnTrainer.NAME -> new ContentKnnRecommender(s.kind(), items, s.popularity(), vectors,
                    s.window(), s.decay(), settings);
            case LmZeroShotTrainer.NAME -> new LmZeroShotRecommender(s.kind(), items, s.popularity(), vectors,
                    new BehaviourText(items, catalog, s.historyItems(), s.verb()), settings.openEmbedder(),
                    settings);
            default -> throw new SeqmindException(f + ": unknown kind '" + s.kind()
                    + "' (known: content-knn, lm-zero-shot)");
        };
    }
}
