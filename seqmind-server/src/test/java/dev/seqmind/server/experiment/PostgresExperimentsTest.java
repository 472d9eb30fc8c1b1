package dev.seqmind.server.experiment;

import dev.seqmind.server.store.LocalPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

/** The same experiment tests with the experiments kept in a real PostgreSQL (see {@link LocalPostgres}). */
class PostgresExperimentsTest extends ExperimentsTest {
    @RegisterExtension
    static final LocalPostgres.PerClass PG = new LocalPostgres.PerClass();

    @Override
    String freshStore(Path tmp) throws Exception {
        return PG.get().without("experiments", "experiment_counts", "experiment_exposures");
    }
}
