package dev.seqmind.server.experiment;

import dev.seqmind.server.store.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** The same experiment tests with the experiments kept in a real PostgreSQL (see {@link LocalPostgres}). */
class PostgresExperimentsTest extends ExperimentsTest {
    static LocalPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = LocalPostgres.startOrSkip();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    String freshStore(Path tmp) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url())) {
            c.createStatement().execute("DROP TABLE IF EXISTS experiments");
            c.createStatement().execute("DROP TABLE IF EXISTS experiment_counts");
            c.createStatement().execute("DROP TABLE IF EXISTS experiment_exposures");
        }
        return pg.url();
    }
}
