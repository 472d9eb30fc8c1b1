package dev.seqmind.spark.session;

import org.apache.spark.sql.SparkSession;

/**
 * Starts Spark sessions for seqmind jobs. A local master binds the driver to 127.0.0.1 and turns the web UI off, so
 * runs on a shared machine never collide on ports; a cluster master keeps the cluster's own settings. Stateless.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** Returns the active session with {@code spec}'s settings, starting one if none is running. */
    public static SparkSession start(SessionSpec spec) {
        SparkSession.Builder b = SparkSession.builder().appName(spec.appName())
                .config("spark.sql.shuffle.partitions", String.valueOf(spec.partitions()))
                .config("spark.default.parallelism", String.valueOf(spec.partitions()))
                // the serialization debugger needs a JDK class removed in JDK 24 and hides the real error
                .config("spark.serializer.extraDebugInfo", "false");
        if (spec.master() != null) {
            b.master(spec.master());
            if (spec.master().startsWith("local")) {
                b.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                        .config("spark.ui.enabled", "false");
            }
        }
        return b.getOrCreate();
    }
}
