package dev.seqmind.spark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @Test
    void helpExitsZeroAndUnknownCommandIsUsageError() {
        assertThat(Main.execute("--help")).isZero();
        assertThat(Main.execute("no-such-command")).isEqualTo(2);
    }
}
