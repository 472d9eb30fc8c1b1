package dev.seqmind.cli.insight;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.similar.CosineNeighbours;
import dev.seqmind.insight.similar.Neighbour;
import dev.seqmind.insight.similar.SequenceMeasure;
import dev.seqmind.insight.similar.SequenceNeighbours;
import dev.seqmind.insight.vector.ItemCategories;
import dev.seqmind.insight.vector.ItemVectors;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind similar}: the users or items nearest to one, by vectors or by ordered sequences. */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Nearest users or items to one: cosine on behaviour vectors or a model's item embeddings, or "
                + "order-respecting sequence similarity (LCS, edit distance) between users.")
public final class SimilarCommand implements Callable<Integer> {
    /** What the different measures for users are. */
    public enum By { VECTORS, LCS, EDIT }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    static final class Target {
        @Option(names = "--user", required = true, description = "External id of the user to find neighbours of.")
        String user;

        @Option(names = "--item", required = true, description = "External id of the item to find neighbours of.")
        String item;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--model", description = "A saved neural model: its item embeddings give the item vectors (and "
            + "users' mean item vectors); without it, behaviour features are used.")
    Path model;

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
        SequenceDataset data = dataOptions.load(quiet);
        ItemCategories cats = ItemCategories.of(data, 24);
        VectorTable items = model != null ? ItemVectors.embeddings(model)
                : Standardizer.standardize(ItemVectors.behaviour(data, cats));
        if (target.item != null) {
            int row = requireId(IdMap.of(items.ids()), target.item, "--item");
            print("items like " + label(data, target.item) + " (" + items.kind() + ", cosine)",
                    new CosineNeighbours(items).nearest(row, k), data, true);
            return 0;
        }
        int user = requireId(data.users(), target.user, "--user");
        List<Neighbour> near;
        String how;
        if (by == By.VECTORS) {
            VectorTable users = model != null ? UserFeatures.meanOfItems(data, items)
                    : Standardizer.standardize(UserFeatures.of(data, cats, UserActivity.of(data)));
            near = new CosineNeighbours(users).nearest(user, k);
            how = users.kind() + ", cosine";
        } else {
            SequenceMeasure m = by == By.LCS ? SequenceMeasure.LCS : SequenceMeasure.EDIT;
            near = new SequenceNeighbours(data, maxLength).nearest(user, k, m);
            how = m + " sequence similarity over the last " + maxLength + " steps";
        }
        print("users like " + target.user + " (" + how + ")", near, data, false);
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
