package dev.seqmind.data.ingest;

import dev.seqmind.data.clean.ActionFilter;
import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.clean.ConsecutiveRepeats;
import dev.seqmind.data.clean.ExactDuplicates;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.error.CancelledException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFiles;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.data.store.StoreManifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Adds new events to an existing dataset directory without reading the old logs again: the dataset's own events
 * come from its {@code events.bin}, the new rows are read with the same reader checks, pseudonymised with the
 * dataset's key, and merged into each user's sequence in time order (a new event at the same time as a stored one
 * comes after it, as a later line of a log would). The dataset's per-event cleaning rules (duplicates, actions,
 * repeats, recorded in its manifest) then run over the merged events, so the result equals one ingest of the old and
 * new logs concatenated. Rules that need every event at once (k-core, length limits, sessions) cannot be kept up
 * incrementally: such a dataset is refused. The id maps keep every old dense id and add new users and items after
 * them. The whole directory (events, names, DuckDB mirror, manifest) is saved afresh through
 * {@link DatasetStore#save}, which renames it into place: a failed append leaves the dataset as it was.
 */
public final class Appender {
    /** The warning class of new events older than the user's latest stored event (kept, in time order). */
    public static final String LATE = "older than the user's latest stored event (kept in time order)";

    private final Progress progress;

    public Appender(Progress progress) {
        this.progress = progress;
    }

    /** The result of an append: the saved dataset, the report and how many events it gained. */
    public record Result(SequenceDataset dataset, IngestReport report, StoreManifest manifest, long eventsBefore,
                         boolean saved) {
        public long added() {
            return dataset.numInteractions() - eventsBefore;
        }
    }

    /** Reads, merges, cleans and saves; the dataset directory is replaced only when everything succeeded. */
    public Result append(Path dir, AppendSpec spec) throws IOException {
        StoreManifest before = DatasetStore.readInfo(dir);
        List<CleaningStep> steps = rulesOf(before.info());
        if (before.info().pseudonymised() && spec.pseudonymizer().isEmpty() && !spec.sourcesPseudonymised()) {
            throw new InvalidParameterException("--key-file", "none", "the dataset's pseudonymisation key",
                    "the dataset " + dir + " holds pseudonymised user ids; new events must be hashed with the same key");
        }
        SequenceDataset old = DatasetStore.open(dir);
        EventCollector collector = new EventCollector(spec.strict(), 1 << 16, true, spec.timeRange());
        List<String> described = new ArrayList<>();
        try (Progress.Task task = progress.start("read new events", spec.sources().size(), "sources")) {
            collector.progress(Progress.Task.NONE);
            for (RowSource s : spec.sources()) {
                s.read(collector);
                described.add(s.describe());
                task.advance(1);
                if (progress.isCancelled()) {
                    throw new CancelledException("append interrupted: nothing was written");
                }
            }
        }
        StepReport read = collector.report(spec.sources().size() + " new source(s)");
        TracedEvents fresh = collector.finish(old.info().name());
        if (fresh.data().numInteractions() > 0 && old.numInteractions() > 0
                && (fresh.data().info().timeKind() == TimeKind.ORDINAL) != (old.info().timeKind() == TimeKind.ORDINAL)) {
            throw new InvalidParameterException("input", described, "logs with "
                    + (old.info().timeKind() == TimeKind.ORDINAL ? "no timestamps (the dataset is in file order)"
                    : "timestamps (the dataset has them)"), "one dataset cannot mix clock times and positions");
        }
        if (before.info().pseudonymised() && !spec.sourcesPseudonymised()) {
            fresh = fresh.withData(fresh.data().withUsers(spec.pseudonymizer().get().apply(fresh.data().users())));
        }
        IngestReport report = new IngestReport(List.of(read));
        DropCounter late = new DropCounter();
        TracedEvents merged = merge(old, fresh, late, dir.toString());
        long mergedEvents = merged.data().numInteractions();
        report = report.with(new DropCounter().report("merge", old.numInteractions() + " stored + "
                + fresh.data().numInteractions() + " new events, in time order", mergedEvents, mergedEvents)
                .withWarnings(late.reasons()));
        DatasetInfo info = old.info();
        for (String s : described) {
            info = addSource(info, s);
        }
        info = info.withStep("append: " + read.rowsOut() + " of " + read.rowsIn() + " new rows read from "
                + described.size() + " source(s)");
        for (CleaningStep step : steps) {
            DropCounter drops = new DropCounter();
            long in = merged.data().numInteractions();
            merged = step.apply(merged, drops);
            StepReport r = drops.report(step.name(), step.detail(), in, merged.data().numInteractions());
            report = report.with(r);
            info = info.withStep("append " + step.name() + ": " + step.detail() + " (dropped " + r.dropped() + ")");
        }
        ItemCatalog catalog = merged.data().catalog();
        for (IngestSpec.ItemFile f : spec.itemFiles()) {
            InputFiles.requireExists(f.path());
            catalog = catalog.merge(f.reader().read(f.path()));
        }
        SequenceDataset out = merged.data().withCatalog(catalog).withInfo(info);
        if (fresh.data().numInteractions() == 0 && described.stream().allMatch(old.info().sources()::contains)) {
            return new Result(old, report, before, old.numInteractions(), false);
        }
        StoreManifest manifest = DatasetStore.save(out, dir, progress);
        return new Result(out, report, manifest, old.numInteractions(), true);
    }

    /**
     * The dataset's cleaning rules, rebuilt from the steps its manifest records, in their order.
     *
     * @throws InvalidParameterException when a step needs every event at once
     */
    static List<CleaningStep> rulesOf(DatasetInfo info) {
        List<CleaningStep> steps = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String s : info.steps()) {
            if (s.startsWith("append")) {
                continue;
            }
            int colon = s.indexOf(": ");
            String name = colon < 0 ? s : s.substring(0, colon);
            String detail = colon < 0 ? "" : s.substring(colon + 2).replaceAll(" \\(dropped \\d+\\)$", "");
            switch (name) {
                case "duplicates" -> addOnce(steps, seen, new ExactDuplicates());
                case "repeats" -> addOnce(steps, seen, new ConsecutiveRepeats());
                case "actions" -> addOnce(steps, seen, new ActionFilter(Set.of(
                        detail.substring("keep ".length()).split(","))));
                case "k-core", "length", "sessions" -> throw new InvalidParameterException("the dataset's cleaning",
                        s, "per-event steps only (duplicates, actions, repeats) to append to it",
                        name + " needs every event at once: ingest the old and the new logs together instead");
                default -> {
                    // reading, pseudonymisation, erasure and other notes are not rules
                }
            }
        }
        return steps;
    }

    private static void addOnce(List<CleaningStep> steps, Set<String> seen, CleaningStep step) {
        if (seen.add(step.name() + ": " + step.detail())) {
            steps.add(step);
        }
    }

    /** {@code info} with {@code source} in its sources (a store's newer range replaces its older one). */
    static DatasetInfo addSource(DatasetInfo info, String source) {
        List<String> sources = new ArrayList<>(info.sources());
        int cut = source.indexOf(" seq ");
        if (source.startsWith("store ") && cut > 0) {
            String prefix = source.substring(0, cut + 5);
            sources.removeIf(s -> s.startsWith(prefix));
        }
        sources.add(source);
        return new DatasetInfo(info.name(), sources, info.timeKind(), info.steps(), info.pseudonymised(),
                info.actionWeights());
    }

    /**
     * Stored and new events, per user in time order (stored first on equal times). Users and items keep their old
     * dense ids; new ones follow in first-seen order. Stored events are located as {@code DIR:#index}, new ones by
     * their file and line.
     */
    static TracedEvents merge(SequenceDataset old, TracedEvents fresh, DropCounter late, String dirName) {
        SequenceDataset b = fresh.data();
        IdMap users = extend(old.users(), b.users());
        IdMap items = extend(old.items(), b.items());
        IdMap actions = extend(old.actions(), b.actions());
        if (actions.size() > EventCollector.MAX_ACTIONS) {
            throw new SeqmindException("more than " + EventCollector.MAX_ACTIONS + " distinct action types after "
                    + "the append: map the action column to fewer types");
        }
        int[] userOfB = new int[b.numUsers()];
        int[] bOfUser = new int[users.size()];
        Arrays.fill(bOfUser, -1);
        for (int u = 0; u < b.numUsers(); u++) {
            userOfB[u] = users.denseId(b.users().externalId(u));
            bOfUser[userOfB[u]] = u;
        }
        int[] itemOfB = remap(b.items(), items);
        int[] actionOfB = remap(b.actions(), actions);
        long shift = 0;
        if (old.info().timeKind() == TimeKind.ORDINAL && old.numInteractions() > 0) {
            long max = Long.MIN_VALUE;
            for (int i = 0; i < old.numInteractions(); i++) {
                max = Math.max(max, old.time(i));
            }
            shift = max + 1; // positions of the new log come after every stored one
        }
        int n = old.numInteractions() + b.numInteractions();
        int[] offsets = new int[users.size() + 1];
        int[] outItems = new int[n];
        long[] outTimes = new long[n];
        byte[] outActions = new byte[n];
        long[] sources = new long[n];
        List<String> files = new ArrayList<>();
        files.add(dirName);
        files.addAll(fresh.files());
        int w = 0;
        for (int u = 0; u < users.size(); u++) {
            int i = u < old.numUsers() ? old.start(u) : 0;
            int iEnd = u < old.numUsers() ? old.end(u) : 0;
            int bu = bOfUser[u];
            int j = bu >= 0 ? b.start(bu) : 0;
            int jEnd = bu >= 0 ? b.end(bu) : 0;
            long lastStored = iEnd > i ? old.time(iEnd - 1) : Long.MIN_VALUE;
            while (i < iEnd || j < jEnd) {
                boolean takeOld = j >= jEnd || (i < iEnd && old.time(i) <= b.time(j) + shift);
                if (takeOld) {
                    outItems[w] = old.item(i);
                    outTimes[w] = old.time(i);
                    outActions[w] = (byte) old.action(i);
                    sources[w] = i + 1L; // file 0: the dataset itself, "line" = stored position + 1
                    i++;
                } else {
                    outItems[w] = itemOfB[b.item(j)];
                    outTimes[w] = b.time(j) + shift;
                    outActions[w] = (byte) actionOfB[b.action(j)];
                    sources[w] = shiftFile(fresh.sources()[j]);
                    if (b.time(j) + shift < lastStored) {
                        late.drop(LATE, fresh.where(j));
                    }
                    j++;
                }
                w++;
            }
            offsets[u + 1] = w;
        }
        var added = new LinkedHashMap<>(old.catalog().asMap());
        b.catalog().asMap().forEach(added::putIfAbsent); // a stored item keeps its metadata
        var catalog = new ItemCatalog(added);
        SequenceDataset data = new SequenceDataset(users, items, actions, offsets, outItems, outTimes, outActions,
                catalog, old.info());
        return new TracedEvents(data, sources, files);
    }

    private static long shiftFile(long source) {
        long file = (source >>> 40) + 1;
        return (file << 40) | (source & ((1L << 40) - 1));
    }

    private static IdMap extend(IdMap old, IdMap added) {
        IdMap.Builder b = new IdMap.Builder(old.size() + added.size());
        for (String id : old.externalIds()) {
            b.getOrAdd(id);
        }
        for (String id : added.externalIds()) {
            b.getOrAdd(id);
        }
        return b.build();
    }

    private static int[] remap(IdMap from, IdMap to) {
        int[] out = new int[from.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = to.denseId(from.externalId(i));
        }
        return out;
    }
}
