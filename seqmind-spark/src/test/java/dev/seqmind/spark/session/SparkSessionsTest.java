package dev.seqmind.spark.session;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.spark.LocalSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalSpark.class)
class SparkSessionsTest {
    @Test
    void localSessionRunsShufflesAndParquetOnThisJdk(SparkSession spark, @TempDir Path dir) {
        String out = dir.resolve("t.parquet").toString();
        spark.range(0, 1000).selectExpr("id % 7 AS k").groupBy("k").count().write().parquet(out);
        assertThat(spark.read().parquet(out).count()).isEqualTo(7);
        assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("4");
        assertThat(spark.sparkContext().master()).isEqualTo("local[2]");
    }

    @Test
    void rejectsZeroPartitions() {
        assertThatThrownBy(() -> new SessionSpec("local[1]", 0, "x")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("partitions");
    }
}
