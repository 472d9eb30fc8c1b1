package dev.seqmind.cli.rec;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.neural.text.ItemTextTemplate;
import dev.seqmind.neural.text.ItemVectors;
import dev.seqmind.neural.text.TextEmbedder;
import dev.seqmind.neural.text.TextModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code seqmind bench embed}: embeds every item's text of an item table twice, first into an empty vector cache
 * (the baseline: every text through the model) and then from that cache with a freshly opened embedder, and prints
 * both times and their ratio.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Embed an item table's texts with a sentence model, first uncached (the baseline) and then "
                + "from the on-disk cache; print texts/s and the ratio.")
public final class EmbedBench implements Callable<Integer> {
    @Option(names = "--items", required = true,
            description = "Item table with a header (id first; title, genres/categories), e.g. "
                    + "../shared/datasets/ml-1m-sasrec/sas_item_titles_genres.tsv")
    Path items;

    @Option(names = "--model", defaultValue = "minilm",
            description = "minilm, bge-small-zh or a local .onnx path (tokenizer.json beside it) (default "
                    + "${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--template", defaultValue = ItemTextTemplate.DEFAULT,
            description = "Item text template (default ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--threads", description = "Concurrent encoder batches (default: all cores).")
    Integer threads;

    @Option(names = "--batch", defaultValue = "1",
            description = "Texts per encoder batch (default ${DEFAULT-VALUE}: exact vectors; larger batches move "
                    + "quantized models' vectors slightly).")
    int batch;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        ItemCatalog catalog = dev.seqmind.cli.data.DatasetOptions.itemTable(items).read(items);
        IdMap ids = IdMap.of(new ArrayList<>(catalog.asMap().keySet()));
        ItemTextTemplate.ItemTexts texts = ItemTextTemplate.parse(template).renderAll(ids, catalog);
        TextModelSpec spec = TextModelSpec.byName(model);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        out.printf(Locale.ROOT, "%d items (%d without text) from %s; model %s; %d thread(s), batch %d%n",
                ids.size(), texts.missing(), items, spec.id(), n, batch);
        Path cache = Files.createTempDirectory("seqmind-embed-bench");
        try {
            ItemVectors first;
            long t0 = System.nanoTime();
            try (TextEmbedder e = new TextEmbedder(spec, cache, n, batch)) {
                first = ItemVectors.embed(e, texts);
            }
            double cold = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            ItemVectors second;
            try (TextEmbedder e = new TextEmbedder(spec, cache, n, batch)) {
                second = ItemVectors.embed(e, texts);
            }
            double warm = (System.nanoTime() - t1) / 1e9;
            int embedded = ids.size() - texts.missing();
            out.printf(Locale.ROOT, "first (model, the baseline): %.2f s incl. model load, %.0f texts/s, %d encoded,"
                    + " %d truncated%n", cold, embedded / cold, first.stats().encoded(), first.stats().truncated());
            out.printf(Locale.ROOT, "from cache:                  %.3f s incl. cache load, %d hits, %d encoded%n",
                    warm, second.stats().cacheHits(), second.stats().encoded());
            out.printf(Locale.ROOT, "speed-up from cache: %.0fx%n", cold / warm);
            boolean same = java.util.Arrays.equals(first.matrix(), second.matrix());
            out.println("cached vectors identical to the first run's: " + same);
            return same ? 0 : 1;
        } finally {
            try (Stream<Path> w = Files.walk(cache)) {
                for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
