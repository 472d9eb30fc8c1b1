package dev.seqmind.cli.data;

import dev.seqmind.data.clean.ActionFilter;
import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.clean.ConsecutiveRepeats;
import dev.seqmind.data.clean.ExactDuplicates;
import dev.seqmind.data.clean.KCore;
import dev.seqmind.data.clean.LengthLimits;
import dev.seqmind.data.clean.SessionSplit;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.read.ColumnMapping;
import dev.seqmind.data.read.ColumnRef;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.read.TimeFormat;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The reading, cleaning and privacy options of {@code seqmind ingest}, turned into an {@link IngestSpec}. */
public final class IngestOptions {
    /** {@code auto} and every input format's name. */
    static final class FormatChoices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> all = new ArrayList<>(List.of("auto"));
            all.addAll(InputFormat.names());
            return all.iterator();
        }
    }

    /** The values of {@code --time-format}. */
    static final class TimeFormatChoices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("auto", "seconds", "millis", "iso").iterator();
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = FormatChoices.class,
            description = "Input format: auto (default: from the name and first line), csv, tsv, jsonl, movielens, ml100k, "
                    + "sasrec, sequences, spmf, recbole, taobao.")
    String format = "auto";

    @Option(names = "--user", paramLabel = "COL", description = "User column: header name or 0-based index.")
    String user;
    @Option(names = "--item", paramLabel = "COL", description = "Item column: header name or 0-based index.")
    String item;
    @Option(names = "--action", paramLabel = "COL", description = "Action column (optional).")
    String action;
    @Option(names = "--time", paramLabel = "COL", description = "Timestamp column (optional; without one, file order).")
    String time;
    @Option(names = "--category", paramLabel = "COL", description = "Item category column (optional).")
    String category;
    @Option(names = "--time-format", paramLabel = "F", completionCandidates = TimeFormatChoices.class,
            description = "How times are written: auto (numbers below 10^11 are epoch seconds, larger ones millis, "
                    + "other text ISO-8601), seconds, millis or iso. Default: ${DEFAULT-VALUE}.")
    String timeFormat = "auto";

    @Option(names = "--items", paramLabel = "FILE", description = "Item metadata file(s): movies.dat, u.item, a "
            + "titles table (.csv/.tsv with item/title/genres columns), RecBole .item, or an item->attributes JSON.")
    List<Path> itemFiles = new ArrayList<>();

    @Option(names = "--strict", description = "Stop at the first malformed or doubtful row (default: drop malformed "
            + "rows, keep doubtful ones, and count both by reason in the report).")
    boolean strict;
    @Option(names = "--time-range", paramLabel = "FROM..TO", defaultValue = "default",
            description = "Accepted timestamps; rows outside are dropped and counted. FROM and TO are ISO dates, "
                    + "date-times or epoch seconds, either may be empty; 'default' is 1990-01-01 to one day after now, "
                    + "'any' accepts every time. Default: ${DEFAULT-VALUE}.")
    String timeRange = "default";
    @Option(names = "--dedup", description = "Drop exact duplicate events (same user, item, action, time).")
    boolean dedup;
    @Option(names = "--drop-repeats", description = "Drop an event that repeats the user's previous one.")
    boolean dropRepeats;
    @Option(names = "--actions", split = ",", paramLabel = "A",
            description = "Keep only these actions (e.g. buy,cart).")
    List<String> keepActions = new ArrayList<>();
    @Option(names = "--action-weight", split = ",", paramLabel = "A=W",
            description = "Weights of actions, recorded with the dataset and read by pop, recent-pop, item-knn and "
                    + "markov1..3, e.g. pv=1,cart=2,buy=4. Default: every event weighs 1.")
    Map<String, Double> actionWeights = new LinkedHashMap<>();
    @Option(names = "--session-gap", paramLabel = "DURATION",
            description = "Split users into sessions after this much inactivity (e.g. 30m, 2h, 1d).")
    String sessionGap;
    @Option(names = "--k-core", paramLabel = "K", description = "Iterative k-core: users and items with >= K events.")
    Integer kCore;
    @Option(names = "--user-core", paramLabel = "K", description = "k-core threshold for users only.")
    Integer userCore;
    @Option(names = "--item-core", paramLabel = "K", description = "k-core threshold for items only.")
    Integer itemCore;
    @Option(names = "--min-length", paramLabel = "N",
            description = "Drop users with fewer events. Default: ${DEFAULT-VALUE}.")
    int minLength;
    @Option(names = "--max-length", paramLabel = "N",
            description = "Keep only each user's latest N events. Default: no limit.")
    int maxLength;

    @Option(names = "--pseudonymize", description = "Replace user ids by keyed HMAC-SHA256 pseudonyms (key from "
            + "--key-file or $" + Pseudonymizer.KEY_ENV + "); no raw user id is written.")
    boolean pseudonymize;
    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Pseudonymisation key file (kept apart from the data).")
    Path keyFile;

    /** The spec for reading {@code files} into a dataset called {@code name}. */
    public IngestSpec toSpec(String name, List<Path> files) throws IOException {
        List<InputSpec> inputs = new ArrayList<>();
        TimeFormat tf = TimeFormat.valueOf(switch (timeFormat.toLowerCase(Locale.ROOT)) {
            case "seconds" -> "EPOCH_SECONDS";
            case "millis" -> "EPOCH_MILLIS";
            case "iso" -> "ISO";
            case "auto" -> "AUTO";
            default -> throw new InvalidParameterException("--time-format", timeFormat, "auto, seconds, millis or iso");
        });
        for (Path f : files) {
            InputFormat fmt = "auto".equalsIgnoreCase(format) ? InputFormat.detect(f)
                    : InputFormat.byName(format, "--format");
            inputs.add(new InputSpec(f, fmt, columns(), tf));
        }
        List<IngestSpec.ItemFile> items = new ArrayList<>();
        for (Path f : itemFiles) {
            items.add(new IngestSpec.ItemFile(f, ItemFileFormats.readerFor(f)));
        }
        Optional<Pseudonymizer> p = !pseudonymize ? Optional.empty()
                : Optional.of(keyFile != null ? Pseudonymizer.fromKeyFile(keyFile) : Pseudonymizer.fromEnvironment());
        return new IngestSpec(name, inputs, items, strict, p, steps(), actionWeights,
                TimeRange.parse(timeRange, Instant.now()));
    }

    private ColumnMapping columns() {
        if (user == null && item == null && action == null && time == null && category == null) {
            return null;
        }
        if (user == null || item == null) {
            throw new InvalidParameterException("--user/--item", user + "/" + item, "both given when mapping columns");
        }
        return new ColumnMapping(ColumnRef.parse(user), ColumnRef.parse(item), ref(action), ref(time), ref(category));
    }

    private static ColumnRef ref(String spec) {
        return spec == null ? null : ColumnRef.parse(spec);
    }

    private List<CleaningStep> steps() {
        List<CleaningStep> steps = new ArrayList<>();
        if (dedup) {
            steps.add(new ExactDuplicates());
        }
        if (!keepActions.isEmpty()) {
            steps.add(new ActionFilter(Set.copyOf(keepActions)));
        }
        if (dropRepeats) {
            steps.add(new ConsecutiveRepeats());
        }
        if (sessionGap != null) {
            steps.add(new SessionSplit(parseDuration(sessionGap).toMillis()));
        }
        int uk = userCore != null ? userCore : kCore != null ? kCore : 0;
        int ik = itemCore != null ? itemCore : kCore != null ? kCore : 0;
        if (uk > 0 || ik > 0) {
            steps.add(new KCore(uk, ik));
        }
        if (minLength > 0 || maxLength > 0) {
            steps.add(new LengthLimits(minLength, maxLength));
        }
        return steps;
    }

    /** Parses {@code 30m}, {@code 2h}, {@code 1d}, {@code 45s}, or ISO-8601 {@code PT30M}. */
    public static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new InvalidParameterException("duration", s, "like 45s, 30m, 2h, 1d or PT30M");
        }
    }
}
