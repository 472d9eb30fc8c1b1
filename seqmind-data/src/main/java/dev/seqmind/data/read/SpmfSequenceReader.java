package dev.seqmind.data.read;

import dev.seqmind.data.collect.CanonicalNumber;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.model.Interaction;
import dev.seqmind.data.model.ItemMetadata;
import dev.seqmind.data.model.TimeKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SPMF sequence database format: one sequence per line, items as integers, {@code -1} ends an itemset and
 * {@code -2} ends the sequence, e.g. {@code 1 -1 1 2 3 -1 -2}. The user id of a sequence is its 0-based index among
 * the sequences; the time of an event is its itemset's index (or {@code <t>} when the line gives itemset times), so
 * items of one itemset share a time. Lines starting with {@code #}, {@code %} or {@code @} are metadata;
 * {@code @ITEM=id=name} lines name items. A line with a token that is not an integer is rejected whole (one row).
 */
public final class SpmfSequenceReader implements InteractionReader {
    @Override
    public String format() {
        return "spmf";
    }

    @Override
    public void read(Path file, EventCollector out) throws IOException {
        out.beginFile(file.toString());
        out.timeKind(TimeKind.ORDINAL);
        int action = out.actionId(Interaction.DEFAULT_ACTION);
        FieldSplitter f = new FieldSplitter(FieldSplitter.WHITESPACE, false);
        int[] items = new int[64];
        long[] times = new long[64];
        long sequence = 0;
        try (LineReader lines = new LineReader(InputFiles.open(file, out.bytesRead()))) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                byte first = lines.buffer()[lines.start()];
                if (first == '#' || first == '%' || first == '@') {
                    metadataLine(new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
                            StandardCharsets.UTF_8), out);
                    continue;
                }
                long ln = lines.lineNumber();
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                int count = 0;
                long itemset = 0;
                String problem = null;
                for (int i = 0; i < n && problem == null; i++) {
                    long v = f.canonical(i);
                    if (v == CanonicalNumber.NOT_CANONICAL) {
                        String tok = f.string(i, StandardCharsets.UTF_8);
                        if (tok.length() > 2 && tok.startsWith("<") && tok.endsWith(">")) {
                            long t = CanonicalNumber.parse(tok.substring(1, tok.length() - 1));
                            if (t == CanonicalNumber.NOT_CANONICAL) {
                                problem = "item " + (i + 1) + ": not a time: '" + DelimitedReader.clip(tok) + "'";
                            }
                            itemset = t;
                            continue;
                        }
                        problem = "token " + (i + 1) + ": not an integer item id: '" + DelimitedReader.clip(tok) + "'";
                    } else if (v == -1) {
                        itemset++;
                    } else if (v == -2) {
                        break;
                    } else if (v < 0) {
                        problem = "token " + (i + 1) + ": negative item id " + v + " (only -1 and -2 are markers)";
                    } else {
                        if (count == items.length) {
                            items = Arrays.copyOf(items, count * 2);
                            times = Arrays.copyOf(times, count * 2);
                        }
                        items[count] = out.itemId(v);
                        times[count] = itemset;
                        count++;
                    }
                }
                if (problem != null) {
                    out.reject("bad token", ln, "items", problem);
                    continue;
                }
                if (count == 0) {
                    out.reject("empty sequence", ln, "items", "the sequence has no item");
                    continue;
                }
                int user = out.userId(sequence++);
                for (int i = 0; i < count; i++) {
                    out.add(user, items[i], action, times[i], ln);
                }
            }
        }
    }

    private static void metadataLine(String line, EventCollector out) {
        if (line.startsWith("@ITEM=")) {
            String rest = line.substring(6);
            int eq = rest.indexOf('=');
            if (eq > 0) {
                out.addMetadata(rest.substring(0, eq).trim(),
                        new ItemMetadata(rest.substring(eq + 1).trim(), List.of(), "", Map.of()));
            }
        }
    }
}
