package dev.seqmind.data.generate;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.progress.Progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a behaviour log from a {@link GeneratorConfig}, user by user, in constant memory per event (memory
 * grows with users and items, not rows). Writes, into one directory:
 * <ul>
 *   <li>the log, {@code user,item,action,timestamp} with a header, epoch seconds, rows grouped by user and in time
 *       order within a user (gzip when its name ends in {@code .gz});</li>
 *   <li>{@code items.csv}: {@code item,title,categories}, categories {@code |}-separated from general to specific
 *       (e.g. {@code Sports|Sports/Outdoor});</li>
 *   <li>{@code planted.tsv}: each planted chain, its target share, the users it was planted into and its true
 *       support counted over the written log (see {@link PlantedSupport}).</li>
 *   <li>{@code segments.tsv}, only with planted segments: {@code user<TAB>segment}, each user's true segment.</li>
 * </ul>
 * User and item external ids are {@code 1..users} and {@code 1..items}. The same config gives byte-identical files.
 * Immutable; each call builds its own state, so one generator may be used from several threads.
 */
public final class LogGenerator {
    public static final String ITEMS_FILE = "items.csv";
    public static final String PLANTED_FILE = "planted.tsv";
    public static final String DEFAULT_LOG_FILE = "events.csv";
    public static final String SEGMENTS_FILE = "segments.tsv";

    private final GeneratorConfig config;

    public LogGenerator(GeneratorConfig config) {
        this.config = config;
    }

    public GeneratorConfig config() {
        return config;
    }

    /** Receives events user by user, each user's in time order. */
    private interface EventSink {
        void accept(int user, int item, int action, long epochSeconds) throws IOException;
    }

    /** Writes the log {@code outDir/logName}, {@code items.csv} and {@code planted.tsv}; creates {@code outDir}. */
    public GenerationReport writeTo(Path outDir, String logName, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(outDir);
        Vocabulary vocabulary = new Vocabulary();
        ItemUniverse universe = new ItemUniverse(config, vocabulary);
        PlantedPattern[] patterns = PlantedPattern.choose(config, universe, vocabulary);
        Path log = outDir.resolve(logName);
        long[] actionRows = new long[UserSimulator.ACTIONS.length];
        long[][] counts;
        try (CsvLogWriter w = new CsvLogWriter(log, UserSimulator.ACTIONS)) {
            counts = run(universe, patterns, progress, (user, item, action, time) -> {
                w.row(user + 1L, item + 1L, action, time);
                actionRows[action]++;
            });
        }
        Path itemsFile = outDir.resolve(ITEMS_FILE);
        writeItems(universe, itemsFile);
        List<PlantedSupport> planted = supports(universe, patterns, counts);
        Path plantedFile = outDir.resolve(PLANTED_FILE);
        writePlanted(planted, plantedFile);
        if (config.segments() > 0) {
            writeSegments(outDir.resolve(SEGMENTS_FILE));
        }
        List<Long> perAction = Arrays.stream(actionRows).boxed().toList();
        return new GenerationReport(config.events(), config.users(), config.items(), perAction, planted, log,
                itemsFile, plantedFile, System.nanoTime() - t0);
    }

    /**
     * The same events as {@link #writeTo} would write, as an in-memory dataset (times in epoch milliseconds) with
     * the catalogue of items that occur; for tests and demos that need no files.
     */
    public SequenceDataset toDataset() {
        Vocabulary vocabulary = new Vocabulary();
        ItemUniverse universe = new ItemUniverse(config, vocabulary);
        PlantedPattern[] patterns = PlantedPattern.choose(config, universe, vocabulary);
        DatasetInfo info = new DatasetInfo("generated", List.of("seqmind generate " + describe()),
                TimeKind.EPOCH_MILLIS, List.of(), false);
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(info, (int) config.events());
        IdMap.Builder users = b.userIds();
        IdMap.Builder itemIds = b.itemIds();
        int[] dense = new int[config.items()];
        Arrays.fill(dense, IdMap.ABSENT);
        int[] actionDense = new int[UserSimulator.ACTIONS.length];
        for (int a = 0; a < actionDense.length; a++) {
            actionDense[a] = b.actionIds().getOrAdd(UserSimulator.ACTIONS[a]);
        }
        try {
            run(universe, patterns, Progress.NONE, (user, item, action, time) -> {
                int u = users.getOrAdd(Integer.toString(user + 1));
                if (dense[item] == IdMap.ABSENT) {
                    dense[item] = itemIds.getOrAdd(ItemUniverse.externalId(item));
                }
                b.addDense(u, dense[item], actionDense[action], time * 1000);
            });
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory sink does no I/O", e);
        }
        Map<String, ItemMetadata> catalog = new LinkedHashMap<>();
        for (int i = 0; i < config.items(); i++) {
            if (dense[i] != IdMap.ABSENT) {
                catalog.put(ItemUniverse.externalId(i), new ItemMetadata(universe.title(i),
                        List.of(universe.categories(i)), "", Map.of()));
            }
        }
        return b.catalog(new ItemCatalog(catalog)).build();
    }

    /**
     * The planted segment ({@code 0..segments-1}) of the user with external id {@code userNumber + 1}, or -1 when
     * the config plants none. Segment {@code s} browses department number {@code s} (Clothing, Electronics, Home,
     * Sports, Books, Beauty, Toys, Grocery) in most sessions and puts items in the cart at a rate from half the
     * default (first segment) to twice it (last).
     */
    public int plantedSegment(int userNumber) {
        return config.segments() == 0 ? -1 : UserSimulator.segmentOf(config, userNumber);
    }

    private void writeSegments(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user\tsegment\n");
            for (int u = 0; u < config.users(); u++) {
                w.write((u + 1) + "\t" + plantedSegment(u) + "\n");
            }
        }
    }

    /** The options that reproduce this run, for provenance. */
    public String describe() {
        return "--users " + config.users() + " --items " + config.items() + " --events " + config.events()
                + " --seed " + config.seed() + " --zipf " + config.zipfExponent() + " --lengths " + config.lengths()
                + " --length-skew " + config.lengthSkew() + " --min-length " + config.minLength()
                + " --session-views " + config.meanSessionViews() + " --patterns " + config.patterns()
                + " --pattern-length " + config.patternLength() + " --pattern-min-fraction "
                + config.patternMinFraction() + " --pattern-max-fraction " + config.patternMaxFraction()
                + " --start " + config.start() + " --start-spread-days " + config.startSpreadDays()
                + " --activity-days " + config.activityDays()
                + (config.segments() > 0 ? " --segments " + config.segments() : "");
    }

    /** Simulates every user into {@code sink}; returns per chain {planted users, support}. */
    private long[][] run(ItemUniverse universe, PlantedPattern[] patterns, Progress progress, EventSink sink)
            throws IOException {
        int[] lengths = SequenceLengths.of(config);
        UserSimulator sim = new UserSimulator(config, universe, patterns);
        long[][] counts = new long[patterns.length][2];
        try (Progress.Task task = progress.start("generate", config.events(), "rows")) {
            long sinceReport = 0;
            for (int u = 0; u < lengths.length; u++) {
                sim.simulate(u, lengths[u]);
                int n = sim.size();
                for (int i = 0; i < n; i++) {
                    sink.accept(u, sim.item(i), sim.action(i), sim.time(i));
                }
                for (int k = 0; k < sim.injectedCount(); k++) {
                    counts[sim.injected(k)][0]++;
                }
                for (PlantedPattern p : patterns) {
                    if (p.containedIn(sim.itemBuffer(), n)) {
                        counts[p.id()][1]++;
                    }
                }
                sinceReport += n;
                if (sinceReport >= 1 << 20) {
                    task.advance(sinceReport);
                    sinceReport = 0;
                    if (progress.isCancelled()) {
                        throw new InterruptedIOException("generation cancelled after user " + (u + 1));
                    }
                }
            }
            task.advance(sinceReport);
        }
        return counts;
    }

    private static List<PlantedSupport> supports(ItemUniverse universe, PlantedPattern[] patterns, long[][] counts) {
        List<PlantedSupport> out = new ArrayList<>();
        for (PlantedPattern p : patterns) {
            List<String> ids = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (int item : p.items()) {
                ids.add(ItemUniverse.externalId(item));
                titles.add(universe.title(item));
            }
            out.add(new PlantedSupport(p.id(), ids, titles, p.targetFraction(), counts[p.id()][0],
                    counts[p.id()][1]));
        }
        return out;
    }

    private static void writeItems(ItemUniverse universe, Path file) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(CsvLogWriter.open(file), StandardCharsets.UTF_8),
                1 << 16)) {
            w.write("item,title,categories\n");
            for (int i = 0; i < universe.size(); i++) {
                w.write(ItemUniverse.externalId(i));
                w.write(',');
                w.write(quoted(universe.title(i)));
                w.write(',');
                w.write(quoted(String.join("|", universe.categories(i))));
                w.write('\n');
            }
        }
    }

    /** RFC 4180 quoting where needed (titles may contain commas or quotes). */
    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private void writePlanted(List<PlantedSupport> planted, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("pattern\titems\ttarget_fraction\tplanted_users\tsupport\tsupport_fraction\ttitles\n");
            for (PlantedSupport p : planted) {
                w.write(p.id() + "\t" + String.join(" ", p.items()) + "\t" + p.targetFraction() + "\t"
                        + p.plantedUsers() + "\t" + p.support() + "\t"
                        + String.format(Locale.ROOT, "%.6f", p.support() / (double) config.users()) + "\t"
                        + String.join(" -> ", p.titles()) + "\n");
            }
        }
    }
}
