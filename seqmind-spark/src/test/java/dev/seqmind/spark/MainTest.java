package dev.seqmind.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void helpExitsZeroAndUnknownCommandIsUsageError() {
        assertThat(Main.execute("--help")).isZero();
        assertThat(Main.execute("no-such-command")).isEqualTo(2);
    }

    @Test
    void badModelOptionsFailBeforeAnySparkWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(Main.execute("train", "--in", dir.toString(), "-o", dir.resolve("m").toString(), "--model",
                "sasrec")).isEqualTo(2);
        assertThat(Main.execute("evaluate", "--in", dir.toString(), "--action-weight", "buy")).isEqualTo(2);
        assertThat(Main.execute("recommend-all", "--in", dir.toString(), "--model", dir.toString(), "-o",
                dir.resolve("out").toString())).isEqualTo(3);
    }
}
