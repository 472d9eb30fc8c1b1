package dev.seqmind.cli.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small ingested dataset for erasure tests: 40 users with {@code events} views each, user 5 being {@link #USER};
 * the others see {@code item((u + k) % 9)}, the erased user what {@code theirs} gives for step {@code k}.
 */
final class ErasedUserLog {
    static final String USER = "zed-erase-me";
    static final String ONLY_THEIRS = "zed-only-item";

    private ErasedUserLog() {
    }

    /** Writes the log into {@code tmp}, ingests it and returns the dataset directory {@code tmp/ds}. */
    static Path ingest(Path tmp, int events, IntFunction<String> theirs) throws IOException {
        StringBuilder csv = new StringBuilder("user,item,action,timestamp\n");
        for (int u = 0; u < 40; u++) {
            String user = u == 5 ? USER : "user-" + u;
            for (int k = 0; k < events; k++) {
                String item = u == 5 ? theirs.apply(k) : "item" + (u + k) % 9;
                csv.append(user).append(',').append(item).append(",view,").append(1_700_000_000L + 10 * k + u)
                        .append('\n');
            }
        }
        Path log = tmp.resolve("log.csv");
        Files.writeString(log, csv);
        Path ds = tmp.resolve("ds");
        assertThat(run("ingest", log.toString(), "--out", ds.toString(), "-q").exit()).isZero();
        return ds;
    }
}
