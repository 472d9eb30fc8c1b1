package dev.seqmind.data.collect;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.EventColumns;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.Interaction;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.progress.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Where readers put what they parse: accepted rows go into primitive columns (dense ids, time, action, source line),
 * rejected rows are counted with their reason and location, so that for every file read = kept + dropped. Rows that
 * are kept but look wrong (extra fields, ids too long for a number) are counted as warnings with their location. In
 * strict mode the first rejected or doubtful row stops the run with {@code file:line: field: what is wrong}.
 *
 * <p>Checks every reader gets for free: ids and actions given as text must be clean ({@link TextCheck}), and clock
 * times must lie in the ingest's {@link TimeRange}. Not thread-safe.
 */
public final class EventCollector {
    /** Highest number of distinct actions (the dataset stores an action in one byte). */
    public static final int MAX_ACTIONS = 127;
    /** Returned by the checked id methods for a row they rejected (already counted). */
    public static final int REJECTED = -2;
    /** Drop class of clock times outside the ingest's range. */
    public static final String TIME_OUT_OF_RANGE = "timestamp outside the accepted range";

    private final boolean strict;
    private final ColumnIdMapper users;
    private final ColumnIdMapper items;
    private final IdMap.Builder actions = new IdMap.Builder();
    private final DropCounter drops = new DropCounter();
    private final DropCounter warnings = new DropCounter();
    private final TimeRange timeRange;
    private final List<String[]> pendingWarnings = new ArrayList<>(2);
    private boolean fileHasClock = true;
    private final List<String> files = new ArrayList<>();
    private final EventColumns columns;
    private long rowsRead;
    private String file = "<input>";
    private int fileIndex = -1;
    private TimeKind timeKind = TimeKind.EPOCH_MILLIS;
    private String[] categories = new String[0];
    private final Map<String, ItemMetadata> metadata = new LinkedHashMap<>();

    /**
     * @param strict       stop at the first malformed row
     * @param expectedRows a size hint for the id maps
     * @param keepSources  remember each event's file and line (for cleaning reports; 8 bytes per event)
     */
    public EventCollector(boolean strict, int expectedRows, boolean keepSources) {
        this(strict, expectedRows, keepSources, TimeRange.ANY);
    }

    /** As above, rejecting clock times outside {@code timeRange}. */
    public EventCollector(boolean strict, int expectedRows, boolean keepSources, TimeRange timeRange) {
        this.strict = strict;
        this.timeRange = timeRange;
        int cap = Math.max(1024, expectedRows);
        users = new ColumnIdMapper(Math.max(16, cap / 32));
        items = new ColumnIdMapper(Math.max(16, cap / 32));
        columns = new EventColumns(keepSources);
    }

    private Progress.Task progress = Progress.Task.NONE;

    /** Where reading reports the bytes of input consumed. */
    public void progress(Progress.Task task) {
        this.progress = task;
    }

    /** Where readers report the bytes of input they consumed, for progress. */
    public LongConsumer bytesRead() {
        return progress::advance;
    }

    /** Starts a new input file; later rows and drops are located in it. */
    public void beginFile(String name) {
        file = name;
        files.add(name);
        fileIndex = files.size() - 1;
        fileHasClock = true;
    }

    /** Declares that the current input has no clock: times are positions. */
    public void timeKind(TimeKind kind) {
        timeKind = kind;
        fileHasClock = kind != TimeKind.ORDINAL;
    }

    public String currentFile() {
        return file;
    }

    public boolean strict() {
        return strict;
    }

    public int userId(long canonical) {
        return users.id(canonical);
    }

    public int userId(String value) {
        return users.id(value);
    }

    public int itemId(long canonical) {
        return items.id(canonical);
    }

    public int itemId(String value) {
        return items.id(value);
    }

    /**
     * Dense id of a user id read as text on {@code line}, or {@link #REJECTED} when the text has a control character
     * or invalid encoding (the row is then counted as dropped). Digit runs too long for a number are kept as text and
     * counted as a warning.
     */
    public int userId(String value, long line, String field) {
        return checkId(value, line, field) ? userId(value) : REJECTED;
    }

    /** As {@link #userId(String, long, String)} for an item id. */
    public int itemId(String value, long line, String field) {
        return checkId(value, line, field) ? itemId(value) : REJECTED;
    }

    /** As {@link #userId(String, long, String)} for an action name. */
    public int actionId(String value, long line, String field) {
        String problem = TextCheck.problem(value);
        if (problem != null) {
            reject(problem, line, field, TextCheck.describe(value));
            return REJECTED;
        }
        return actionId(value);
    }

    /** Records {@code category} for {@code item} when it is clean text; otherwise warns and ignores it. */
    public void noteCategory(int item, String category, long line, String field) {
        if (TextCheck.problem(category) != null) {
            warn(TextCheck.BAD_CATEGORY, line, field, TextCheck.describe(category));
            return;
        }
        noteCategory(item, category);
    }

    private boolean checkId(String value, long line, String field) {
        String problem = TextCheck.problem(value);
        if (problem != null) {
            reject(problem, line, field, TextCheck.describe(value));
            return false;
        }
        if (TextCheck.isLongNumber(value)) {
            warn(TextCheck.LONG_NUMBER, line, field, value.length() + " digits: kept as the text '"
                    + value + "', not as a number");
        }
        return true;
    }

    /**
     * Counts a doubt about the current row, which is kept: the warning is recorded when the row is accepted and
     * forgotten if it is rejected for another reason. In strict mode throws instead.
     *
     * @throws InputFormatException in strict mode
     */
    public void warn(String reason, long line, String field, String what) {
        if (strict) {
            throw new InputFormatException(file, line, field, what + " (" + reason + "; --strict stops at doubts too)");
        }
        pendingWarnings.add(new String[] {reason, where(line, field, what)});
    }

    private String where(long line, String field, String what) {
        return file + ":" + line + (field.isEmpty() ? "" : ": " + field) + ": " + what;
    }

    public int actionId(String value) {
        int a = actions.getOrAdd(value);
        if (a >= MAX_ACTIONS) {
            throw new SeqmindException(file + ": more than " + MAX_ACTIONS + " distinct action types (the next is '"
                    + value + "'): map the action column to fewer types or leave it out");
        }
        return a;
    }

    /** Records {@code category} for {@code item} unless it already has one (logs that carry a category per row). */
    public void noteCategory(int item, String category) {
        if (item >= categories.length) {
            categories = Arrays.copyOf(categories, Math.max(item + 1, categories.length * 2));
        }
        if (categories[item] == null && !category.isEmpty()) {
            categories[item] = category;
        }
    }

    /** Adds item metadata read from a side file (titles, genres), keyed by external item id. */
    public void addMetadata(String externalItem, ItemMetadata value) {
        metadata.merge(externalItem, value, (a, b) -> b);
    }

    /** Adds every entry of a side file's catalog. */
    public void addCatalog(ItemCatalog catalog) {
        catalog.asMap().forEach(this::addMetadata);
    }

    /** Accepts one row. */
    public void add(int user, int item, int action, long time, long line) {
        if (fileHasClock && !timeRange.contains(time)) {
            reject(TIME_OUT_OF_RANGE, line, "time", java.time.Instant.ofEpochMilli(time) + " is outside " + timeRange
                    + " (set --time-range to accept it)");
            return;
        }
        for (String[] w : pendingWarnings) {
            warnings.drop(w[0], w[1]);
        }
        pendingWarnings.clear();
        columns.add(user, item, action, time, ((long) fileIndex << 40) | line);
        rowsRead++;
    }

    /**
     * Rejects one row (counted as read and dropped); in strict mode throws instead.
     *
     * @throws InputFormatException in strict mode
     */
    public void reject(String reason, long line, String field, String what) {
        if (strict) {
            throw new InputFormatException(file, line, field, what);
        }
        rowsRead++;
        pendingWarnings.clear();
        drops.drop(reason, where(line, field, what));
    }

    public int size() {
        return columns.size();
    }

    public long rowsRead() {
        return rowsRead;
    }

    /** The "read" step's report: rows read, accepted and rejected by reason, and the kept rows' warnings. */
    public StepReport report(String detail) {
        return drops.report("read", detail, rowsRead, columns.size()).withWarnings(warnings.reasons());
    }

    private ItemCatalog catalog(IdMap itemMap) {
        var m = new LinkedHashMap<String, ItemMetadata>();
        for (int i = 0; i < Math.min(categories.length, itemMap.size()); i++) {
            if (categories[i] != null) {
                m.put(itemMap.externalId(i), new ItemMetadata("", List.of(categories[i]), "", Map.of()));
            }
        }
        metadata.forEach((item, md) -> m.merge(item, md, EventCollector::mergeMetadata));
        return new ItemCatalog(m);
    }

    private static ItemMetadata mergeMetadata(ItemMetadata fromRows, ItemMetadata fromFile) {
        return new ItemMetadata(fromFile.title(),
                fromFile.categories().isEmpty() ? fromRows.categories() : fromFile.categories(), fromFile.text(),
                fromFile.attributes());
    }

    /** Groups the accepted rows by user in time order (ties in file order). Single use. */
    public TracedEvents finish(String datasetName) {
        if (actions.size() == 0) {
            actions.getOrAdd(Interaction.DEFAULT_ACTION);
        }
        IdMap userMap = users.build();
        IdMap itemMap = items.build();
        EventColumns.Csr csr = columns.toCsr(userMap.size());
        DatasetInfo info = new DatasetInfo(datasetName, files, timeKind, List.of(), false);
        SequenceDataset data = new SequenceDataset(userMap, itemMap, actions.build(), csr.offsets(), csr.items(),
                csr.times(), csr.actions(), catalog(itemMap), info);
        return new TracedEvents(data, csr.sources(), files);
    }
}
