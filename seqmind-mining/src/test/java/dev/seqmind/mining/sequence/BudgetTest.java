package dev.seqmind.mining.sequence;

import dev.seqmind.mining.BudgetExceededException;
import dev.seqmind.mining.CountingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetTest {
    private static SequenceDatabase dense() {
        StringBuilder sb = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(42);
        for (int s = 0; s < 200; s++) {
            for (int k = 0; k < 30; k++) {
                sb.append(rnd.nextInt(8)).append(" -1 ");
            }
            sb.append("-2\n");
        }
        return SpmfSequenceFile.parse("dense", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void patternBudgetStopsCleanlyWithTheCountDelivered(int threads) {
        CountingSink sink = new CountingSink();
        assertThatThrownBy(() -> SequentialPatternMiner.mine(dense(), SequenceMiningParams.of(MinSupport.count(2))
                .withThreads(threads).withBudget(MiningBudget.UNLIMITED.withMaxPatterns(500)), sink))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("500 patterns")
                .satisfies(e -> assertThat(((BudgetExceededException) e).patternsEmitted()).isEqualTo(500));
        assertThat(sink.count()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void memoryBudgetStopsCleanly(int threads) {
        assertThatThrownBy(() -> SequentialPatternMiner.mine(dense(), SequenceMiningParams.of(MinSupport.count(2))
                .withThreads(threads).withBudget(MiningBudget.UNLIMITED.withMaxHeapBytes(1)), new CountingSink()))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("memory budget");
    }
}
