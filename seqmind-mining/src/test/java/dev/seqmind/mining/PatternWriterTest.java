package dev.seqmind.mining;

import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PatternWriterTest {
    private static final String DB = """
            1 -1 1 2 3 -1 1 3 -1 4 -1 3 6 -1 -2
            1 4 -1 3 -1 2 3 -1 1 5 -1 -2
            5 6 -1 1 2 -1 4 6 -1 3 -1 2 -1 -2
            5 -1 7 -1 1 6 -1 3 -1 2 -1 3 -1 -2
            """;

    @Test
    void spmfOutputUsesExternalLabelsAndSupportSuffix() {
        SequenceDatabase db = SpmfSequenceFile.parse("mem", DB.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        SequentialPatternMiner.mine(db, SequenceMiningParams.of(MinSupport.count(4)),
                new PatternWriter(out, PatternFormat.SPMF, true, db::label, db.numSequences()));
        assertThat(out.toString().lines()).contains("1 -1 #SUP: 4", "1 -1 3 -1 #SUP: 4", "2 -1 #SUP: 4");
    }

    @Test
    void jsonLinesQuoteLabelsAndNestItemsets() {
        StringWriter out = new StringWriter();
        PatternWriter w = new PatternWriter(out, PatternFormat.JSONL, true, i -> i == 0 ? "a\"b" : "c", 10);
        w.accept(new int[] {0, 1, PatternSink.ITEMSET_END, 1}, 4, 3);
        w.finish();
        assertThat(out.toString()).isEqualTo(
                "{\"pattern\":[[\"a\\\"b\",\"c\"],[\"c\"]],\"support\":3,\"relativeSupport\":0.3}\n");
    }

    @Test
    void tsvHasHeaderAndItemCount() {
        StringWriter out = new StringWriter();
        PatternWriter w = new PatternWriter(out, PatternFormat.TSV, true, Integer::toString, 4);
        w.accept(new int[] {7, PatternSink.ITEMSET_END, 8, 9}, 4, 2);
        assertThat(out.toString()).isEqualTo("pattern\titems\tsupport\trelative_support\n7 | 8 9\t3\t2\t0.5\n");
    }

    @Test
    void spmfLoaderSortsItemsetsAndSkipsComments() {
        SequenceDatabase db = SpmfSequenceFile.parse("mem",
                "# comment\n3 1 -1 2 -1 -2\n\n@meta\n2 -1 -2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(db.numSequences()).isEqualTo(2);
        assertThat(db.label(db.item(0))).isEqualTo("1");
        assertThat(db.itemset(1)).isEqualTo(0);
        assertThat(db.itemset(2)).isEqualTo(1);
        assertThat(db.maxItemsetSize()).isEqualTo(2);
    }
}
