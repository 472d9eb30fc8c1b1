package dev.seqmind.cli.rec;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.rerank.CategorySimilarity;
import dev.seqmind.rec.rerank.EmbeddingSimilarity;
import dev.seqmind.rec.rerank.ItemSimilarity;
import dev.seqmind.rec.rerank.ItemVectors;
import dev.seqmind.rec.rerank.MmrReranker;
import picocli.CommandLine.Option;

/** How lists are diversified after ranking (maximal marginal relevance), shared by recommend and evaluate. */
public final class DiversityOptions {
    /** Where item similarity comes from. */
    public enum By {
        /** Jaccard similarity of the catalogue's categories (genres). */
        CATEGORIES,
        /** Cosine similarity of the model's item embeddings (neural models only). */
        EMBEDDINGS
    }

    @Option(names = "--diversity-by", defaultValue = "CATEGORIES",
            description = "Item similarity for re-ranking: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; "
                    + "EMBEDDINGS needs a neural model).")
    By by = By.CATEGORIES;

    @Option(names = "--diversity-pool", defaultValue = "" + MmrReranker.DEFAULT_POOL,
            description = "How many best-scored items re-ranking chooses from (default ${DEFAULT-VALUE}).")
    int pool = MmrReranker.DEFAULT_POOL;

    /** Fails early (before any fit) when categories are asked for and {@code data} has none. */
    void check(dev.seqmind.data.model.SequenceDataset data) {
        if (by == By.CATEGORIES && !CategorySimilarity.of(data.items(), data.catalog()).available()) {
            throw noCategories();
        }
    }

    private static InvalidParameterException noCategories() {
        return new InvalidParameterException("--diversity-by", "CATEGORIES", "usable only when items have categories",
                "give --items with a genres/categories column, or --diversity-by EMBEDDINGS");
    }

    /** The similarity for {@code model}'s items. */
    ItemSimilarity similarity(Recommender model, ItemCatalog catalog) {
        return switch (by) {
            case CATEGORIES -> {
                CategorySimilarity c = CategorySimilarity.of(model.items(), catalog);
                if (!c.available()) {
                    throw noCategories();
                }
                yield c;
            }
            case EMBEDDINGS -> {
                if (!(model instanceof ItemVectors v)) {
                    throw new InvalidParameterException("--diversity-by", "EMBEDDINGS",
                            "usable only with a model that has item embeddings (sasrec, bert4rec, gru4rec, lstm)",
                            model.name() + " has none; use --diversity-by CATEGORIES");
                }
                yield new EmbeddingSimilarity(v.itemVectors());
            }
        };
    }

    /** A re-ranker at {@code lambda} over {@code model}'s items. */
    MmrReranker reranker(Recommender model, ItemCatalog catalog, double lambda) {
        return new MmrReranker(similarity(model, catalog), lambda, pool);
    }
}
