package dev.seqmind.neural.train;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.split.LeaveOneOutSplitter;
import dev.seqmind.data.split.Split;
import dev.seqmind.neural.PlantedSequences;
import dev.seqmind.neural.engine.NeuralEngine;
import dev.seqmind.neural.model.TrainingData;
import dev.seqmind.neural.nn.ParameterStore;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import dev.seqmind.neural.sasrec.SasRecNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingLoopResumeTest {
    static final Split SPLIT = new LeaveOneOutSplitter().split(PlantedSequences.successor(80, 20, 5, 10, 4));
    static final SasRecConfig NET = new SasRecConfig(8, 1, 1, 0.2f, 10, SasRecLoss.FULL_SOFTMAX, 5);
    static final TrainConfig BASE = TrainConfig.defaults().withBatch(16).withPatience(0).withExcludeSeen(false);

    static Map<String, float[]> train(TrainConfig config, TrainingData data) {
        var engine = NeuralEngine.start(dev.seqmind.neural.engine.EngineOptions.defaults().withThreads(1));
        SasRecNetwork net = new SasRecNetwork(NET, SPLIT.full().numItems(), new ParameterStore(engine.newBaseManager()),
                7);
        new TrainingLoop(net, config, 7, Progress.NONE, line -> { })
                .run(data.sequences(), new int[0][], new int[0]);
        return net.parameters().snapshot();
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path tmp) {
        TrainingData data = TrainingData.of(SPLIT.train(), java.util.List.of());
        Map<String, float[]> straight = train(BASE.withEpochs(3), data);
        Path ckpt = tmp.resolve("ckpt");
        train(BASE.withEpochs(2).withCheckpoints(ckpt, false), data);
        assertThat(Files.isRegularFile(ckpt.resolve("last.bin"))).isTrue();
        assertThat(Files.isRegularFile(ckpt.resolve("state.json"))).isTrue();
        Map<String, float[]> resumed = train(BASE.withEpochs(3).withCheckpoints(ckpt, true), data);
        for (String name : straight.keySet()) {
            float[] a = straight.get(name);
            float[] b = resumed.get(name);
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).as("%s[%d]", name, i).isCloseTo(a[i], within(1e-4f));
            }
        }
        // and the resumed weights are not simply the 2-epoch ones
        Map<String, float[]> twoEpochs = train(BASE.withEpochs(2), data);
        assertThat(twoEpochs.get("item_emb")).isNotEqualTo(resumed.get("item_emb"));
    }
}
