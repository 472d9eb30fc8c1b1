package dev.seqmind.spark.session;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.Objects;

/**
 * How to start (or join) a Spark session: {@code master} as {@code spark-submit} takes it ({@code null} keeps the one
 * {@code spark-submit} set), the number of partitions shuffles produce, and the application name.
 */
public record SessionSpec(String master, int partitions, String appName) {
    public SessionSpec {
        Objects.requireNonNull(appName, "appName");
        if (partitions < 1) {
            throw new InvalidParameterException("partitions", partitions, ">= 1",
                    "use about 2-4 partitions per executor core");
        }
    }

    /** A local session with {@code threads} worker threads and twice as many shuffle partitions. */
    public static SessionSpec local(int threads) {
        return new SessionSpec("local[" + threads + "]", 2 * threads, "seqmind");
    }
}
