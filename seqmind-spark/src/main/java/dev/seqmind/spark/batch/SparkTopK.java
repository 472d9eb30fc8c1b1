package dev.seqmind.spark.batch;

import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.topk.Explain;
import dev.seqmind.rec.topk.Recommendation;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.rec.topk.SeenItems;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * Top-K for every user of an ingested log from a saved model: the model is broadcast, each partition loads it once
 * and answers each user's whole sequence as {@code seqmind recommend --history} would (items the model does not know
 * are dropped; seen items are left out unless kept). Rows: {@code user, items: array<string>, scores: array<float>},
 * best first. Stateless.
 */
public final class SparkTopK {
    public static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.StringType, false)
            .add("items", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("scores", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    private SparkTopK() {
    }

    /** The top-{@code k} lists of every user of {@code table}. */
    public static Dataset<Row> recommend(Dataset<Row> table, ShippedModel model, int k, SeenItems seen) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(table.sparkSession().sparkContext());
        Broadcast<ShippedModel> shared = sc.broadcast(model);
        JavaRDD<Row> rows = table.select("user", "items").javaRDD().mapPartitions(it -> {
            List<Row> out = new ArrayList<>();
            if (!it.hasNext()) {
                return out.iterator();
            }
            try (Recommender m = shared.value().load()) {
                Recommendations recs = new Recommendations(m);
                while (it.hasNext()) {
                    Row r = it.next();
                    List<String> history = r.getList(1);
                    List<Recommendation> top = recs.recommend(history, k, seen, List.of(), Explain.NONE).items();
                    String[] items = new String[top.size()];
                    Float[] scores = new Float[top.size()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = top.get(i).item();
                        scores[i] = top.get(i).score();
                    }
                    out.add(RowFactory.create(r.getString(0), items, scores));
                }
            }
            return out.iterator();
        });
        return table.sparkSession().createDataFrame(rows, SCHEMA);
    }
}
