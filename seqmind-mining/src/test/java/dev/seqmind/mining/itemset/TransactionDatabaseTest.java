package dev.seqmind.mining.itemset;

import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionDatabaseTest {
    private static List<String> labels(TransactionDatabase db, int t) {
        List<String> out = new ArrayList<>();
        for (int e = db.start(t); e < db.end(t); e++) {
            out.add(db.label(db.item(e)));
        }
        return out;
    }

    @Test
    void aSequenceBecomesTheSetOfItemsInAnyOfItsItemsets() {
        SequenceDatabase seqs = SpmfSequenceFile.parse("t", "7 -1 3 7 -1 5 -1 -2\n5 -1 5 -1 -2\n9 -1 -2\n"
                .getBytes(StandardCharsets.UTF_8));
        TransactionDatabase db = TransactionDatabase.of(seqs);
        assertThat(db.numTransactions()).isEqualTo(3);
        assertThat(labels(db, 0)).containsExactlyInAnyOrder("3", "5", "7");
        assertThat(labels(db, 1)).containsExactly("5");
        assertThat(labels(db, 2)).containsExactly("9");
        assertThat(db.itemIds()).isSameAs(seqs.itemIds());
        for (int t = 0; t < db.numTransactions(); t++) {
            for (int e = db.start(t) + 1; e < db.end(t); e++) {
                assertThat(db.item(e)).isGreaterThan(db.item(e - 1));
            }
        }
    }
}
