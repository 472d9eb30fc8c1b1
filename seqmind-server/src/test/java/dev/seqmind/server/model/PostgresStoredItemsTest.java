package dev.seqmind.server.model;

import dev.seqmind.server.store.LocalPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

/** The same added-item tests kept in a real PostgreSQL (see {@link LocalPostgres}). */
class PostgresStoredItemsTest extends StoredItemsTest {
    @RegisterExtension
    static final LocalPostgres.PerClass PG = new LocalPostgres.PerClass();

    @Override
    String freshStore(Path tmp) throws Exception {
        return PG.get().without("added_items");
    }
}
