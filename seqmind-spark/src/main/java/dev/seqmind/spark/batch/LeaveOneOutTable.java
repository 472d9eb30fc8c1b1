package dev.seqmind.spark.batch;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

/**
 * Leave-one-out on an ingested log, as {@link dev.seqmind.data.split.LeaveOneOutSplitter} splits a dataset: a user
 * with at least {@code minLength} events is one test case whose target is the last event; the training data for the
 * test is every event but those targets. Stateless.
 */
public final class LeaveOneOutTable {
    public static final int MIN_LENGTH = 3;

    private LeaveOneOutTable() {
    }

    /** The log without each evaluated user's last event (the split's {@code trainForTest}). */
    public static Dataset<Row> trainForTest(Dataset<Row> table, int minLength) {
        Dataset<Row> out = table;
        for (String c : new String[] {"items", "actions", "times", "sources"}) {
            Column cut = expr("slice(" + c + ", 1, size(" + c + ") - 1)");
            out = out.withColumn(c, when(size(col(c)).geq(minLength), cut).otherwise(col(c)));
        }
        return out;
    }
}
