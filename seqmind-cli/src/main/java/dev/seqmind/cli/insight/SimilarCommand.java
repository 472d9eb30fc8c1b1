package dev.seqmind.cli.insight;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.report.InsightRunner;
import dev.seqmind.insight.similar.CosineNeighbours;
import dev.seqmind.insight.similar.HnswNeighbours;
import dev.seqmind.insight.similar.Neighbour;
import dev.seqmind.insight.similar.NeighbourIndex;
import dev.seqmind.insight.similar.SequenceMeasure;
import dev.seqmind.insight.similar.SequenceNeighbours;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.ItemVectorSource;
import dev.seqmind.insight.vector.ModelVectors;
import dev.seqmind.insight.vector.Standardizer;
import dev.seqmind.insight.vector.UserActivity;
import dev.seqmind.insight.vector.UserFeatures;
import dev.seqmind.insight.vector.VectorTable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code seqmind similar}: the users or items nearest to one (or to every one, {@code --all}), by vectors or by
 * ordered sequences.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Nearest users or items to one: cosine on behaviour vectors, a model's state for each user or its "
                + "item embeddings, language-model item embeddings, or order-respecting sequence similarity (LCS, "
                + "edit distance) between users. --all writes every user's or item's neighbours.")
public final class SimilarCommand implements Callable<Integer> {
    /** What the different measures for users are. */
    public enum By { VECTORS, LCS, EDIT }

    /** How vector neighbours are searched. */
    public enum Search { AUTO, EXACT, HNSW }

    /** {@link Search#AUTO} builds an HNSW graph for {@code --all} above this many rows. */
    static final int HNSW_FROM = 20_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    static final class Target {
        @Option(names = "--user", required = true, description = "External id of the user to find neighbours of "
                + "(--user all with --all: every user).")
        String user;

        @Option(names = "--item", required = true, description = "External id of the item to find neighbours of "
                + "(--item all with --all: every item).")
        String item;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--model", description = "A saved neural model: users are compared by the model's state for their "
            + "history (the vector it scores items against), items by its item embeddings; without it, behaviour "
            + "features are used.")
    Path model;

    @Option(names = "--item-vectors", defaultValue = "AUTO", description = "Item vectors: AUTO (the --model's "
            + "embeddings, else BEHAVIOUR), BEHAVIOUR, MODEL or TEXT (MiniLM embeddings of titles and genres from "
            + "--items; users then compare by their mean text vector) (default: ${DEFAULT-VALUE}).")
    ItemVectorSource itemVectors;

    @Option(names = "--search", defaultValue = "AUTO", description = "Vector search: EXACT (every row scanned), HNSW "
            + "(approximate graph search, hnswlib) or AUTO (HNSW for --all over more than " + HNSW_FROM
            + " rows, else EXACT) (default: ${DEFAULT-VALUE}).")
    Search search;

    @Option(names = "--all", description = "Find the neighbours of every user (--user all) or item (--item all) and "
            + "write them to --out as id, rank, neighbour, similarity.")
    boolean all;

    @Option(names = "--out", description = "The TSV file --all writes.")
    Path out;

    @Option(names = "--threads", defaultValue = "1", description = "Threads that build the HNSW graph (default: "
            + "${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--by", defaultValue = "VECTORS", description = "For users: VECTORS (cosine), LCS or EDIT "
            + "(sequence similarity) (default: ${DEFAULT-VALUE}).")
    By by;

    @Option(names = "--max-length", defaultValue = "50", description = "Sequence measures compare each user's last "
            + "this many steps (consecutive repeats collapsed) (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "-k", defaultValue = "10", description = "How many neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        InvalidParameterException.requireInRange("-k", k, 1, 100_000);
        InvalidParameterException.requireInRange("--max-length", maxLength, 1, 100_000);
        InvalidParameterException.requireInRange("--threads", threads, 1, 256);
        if (all && out == null) {
            throw new InvalidParameterException("--all", true, "used with --out FILE", "give the file to write");
        }
        SequenceDataset data = dataOptions.load(quiet);
        ItemCategories cats = ItemCategories.of(data, 24);
        if (target.item != null) {
            // a --model here is only for its vectors: a model without item embeddings is an error, not ignored
            ItemVectorSource source = itemVectors == ItemVectorSource.AUTO && model != null ? ItemVectorSource.MODEL
                    : itemVectors;
            VectorTable items = InsightRunner.itemVectors(source, data, model, cats);
            if (all) {
                return writeAll(items, "items");
            }
            int row = requireId(IdMap.of(items.ids()), target.item, "--item");
            NeighbourIndex index = index(items, false);
            print("items like " + label(data, target.item) + " (" + items.kind() + ", " + how(index) + ")",
                    index.nearest(row, k), data, true);
            return 0;
        }
        if (all && by != By.VECTORS) {
            throw new InvalidParameterException("--by", by, "VECTORS with --all",
                    "sequence measures compare one user with every other; ask for one --user");
        }
        List<Neighbour> near;
        String how;
        if (by == By.VECTORS) {
            VectorTable users = userVectors(data, cats);
            if (all) {
                return writeAll(users, "users");
            }
            int user = requireId(data.users(), target.user, "--user");
            NeighbourIndex index = index(users, false);
            near = index.nearest(user, k);
            how = users.kind() + ", " + how(index);
        } else {
            int user = requireId(data.users(), target.user, "--user");
            SequenceMeasure m = by == By.LCS ? SequenceMeasure.LCS : SequenceMeasure.EDIT;
            near = new SequenceNeighbours(data, maxLength).nearest(user, k, m);
            how = m + " sequence similarity over the last " + maxLength + " steps";
        }
        print("users like " + target.user + " (" + how + ")", near, data, false);
        return 0;
    }

    /** The model's state with a neural --model, the mean text vector with TEXT, else behaviour features. */
    private VectorTable userVectors(SequenceDataset data, ItemCategories cats) throws IOException {
        if (model != null && itemVectors != ItemVectorSource.TEXT && itemVectors != ItemVectorSource.BEHAVIOUR) {
            return ModelVectors.userStates(data, model);
        }
        if (itemVectors == ItemVectorSource.TEXT || itemVectors == ItemVectorSource.MODEL) {
            return UserFeatures.meanOfItems(data, InsightRunner.itemVectors(itemVectors, data, model, cats));
        }
        return Standardizer.standardize(UserFeatures.of(data, cats, UserActivity.of(data)));
    }

    private NeighbourIndex index(VectorTable table, boolean many) {
        boolean hnsw = search == Search.HNSW || (search == Search.AUTO && many && table.size() > HNSW_FROM);
        return hnsw ? new HnswNeighbours(table, HnswNeighbours.Settings.defaults(), threads)
                : new CosineNeighbours(table);
    }

    private static String how(NeighbourIndex index) {
        return index instanceof HnswNeighbours ? "cosine, HNSW approximate search" : "cosine, exact";
    }

    /** Every row's {@code k} neighbours into {@link #out}. */
    private int writeAll(VectorTable table, String what) throws IOException {
        long t0 = System.nanoTime();
        NeighbourIndex index = index(table, true);
        double built = (System.nanoTime() - t0) / 1e9;
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("id\trank\tneighbour\tsimilarity\n");
            for (int r = 0; r < table.size(); r++) {
                int rank = 1;
                for (Neighbour n : index.nearest(r, k)) {
                    w.write(table.ids().get(r) + "\t" + rank++ + "\t" + n.id() + "\t"
                            + String.format(Locale.ROOT, "%.6f", n.similarity()) + "\n");
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "%d nearest of %,d %s (%s, %s) in %s: %.1f s (index %.1f s)%n", k, table.size(), what,
                table.kind(), how(index), out, seconds, built);
        pw.flush();
        return 0;
    }

    private static int requireId(IdMap ids, String id, String option) {
        int d = ids.denseId(id);
        if (d == IdMap.ABSENT) {
            throw new InvalidParameterException(option, id, "an id of the data (" + ids.size() + " known)",
                    "check the id; datasets ingested with pseudonymisation know users by pseudonym");
        }
        return d;
    }

    private static String label(SequenceDataset data, String item) {
        return data.catalog().label(item);
    }

    private void print(String title, List<Neighbour> near, SequenceDataset data, boolean items) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(title + ":");
        int rank = 1;
        for (Neighbour n : near) {
            String detail;
            if (items) {
                detail = label(data, n.id());
            } else {
                int u = data.users().denseId(n.id());
                detail = data.length(u) + " events";
            }
            out.printf(Locale.ROOT, "%3d. %-20s %8.4f  %s%n", rank++, n.id(), n.similarity(), detail);
        }
        out.flush();
    }
}
