package dev.seqmind.spark.rec;

import dev.seqmind.data.SeqmindVersion;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.store.Provenance;

import java.util.List;

/** The provenance a model fitted on Spark is saved with. Stateless. */
final class SparkProvenance {
    private SparkProvenance() {
    }

    static Provenance of(String datasetName, RecommenderTrainer trainer, long users, int items, long events) {
        return new Provenance(datasetName, List.of(), List.of("fitted on Spark"), "spark", Math.toIntExact(users),
                items, events, trainer.name(), trainer.getClass().getName(), trainer.params(), 0,
                SeqmindVersion.version(), SeqmindVersion.gitSha(), Provenance.runtime(), Provenance.platform());
    }
}
