package dev.seqmind.data.read;

import dev.seqmind.data.collect.CanonicalNumber;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.model.Interaction;
import dev.seqmind.data.model.TimeKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One user per line: {@code user item1 item2 ...} separated by blanks, items in time order (the S3-Rec benchmark
 * files, and gSASRec's split files). Times are positions. A line with a user and no item is rejected.
 */
public final class SequenceLinesReader implements InteractionReader {
    @Override
    public String format() {
        return "sequences";
    }

    @Override
    public void read(Path file, EventCollector out) throws IOException {
        out.beginFile(file.toString());
        out.timeKind(TimeKind.ORDINAL);
        int action = out.actionId(Interaction.DEFAULT_ACTION);
        FieldSplitter f = new FieldSplitter(FieldSplitter.WHITESPACE, false);
        try (LineReader lines = new LineReader(InputFiles.open(file, out.bytesRead()))) {
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                long ln = lines.lineNumber();
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                if (n < 2) {
                    out.reject("no items", ln, "items", "a line needs a user id followed by at least one item id");
                    continue;
                }
                long cu = f.canonical(0);
                int user = cu != CanonicalNumber.NOT_CANONICAL ? out.userId(cu)
                        : out.userId(f.string(0, StandardCharsets.UTF_8), ln, "user");
                if (user == EventCollector.REJECTED) {
                    continue;
                }
                for (int i = 1; i < n; i++) {
                    long ci = f.canonical(i);
                    int item = ci != CanonicalNumber.NOT_CANONICAL ? out.itemId(ci)
                            : out.itemId(f.string(i, StandardCharsets.UTF_8), ln, "item " + i);
                    if (item == EventCollector.REJECTED) {
                        continue;
                    }
                    out.add(user, item, action, i, ln);
                }
            }
        }
    }
}
