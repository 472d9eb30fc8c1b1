package dev.seqmind.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract against a real PostgreSQL started on 127.0.0.1 (see {@link LocalPostgres}). */
class PostgresEventStoreTest extends EventStoreContract {
    @RegisterExtension
    static final LocalPostgres.PerClass PG = new LocalPostgres.PerClass();

    @Override
    EventStore newStore() throws Exception {
        return new PostgresEventStore(PG.get().without("events", "batches", "batch_users"));
    }

    @Override
    EventStore reopen() {
        return new PostgresEventStore(PG.get().url());
    }

    @Override
    Connection sql() throws Exception {
        return DriverManager.getConnection(PG.get().url());
    }

    @Test
    void aDatabaseThatIsDownFailsAppendsWithoutAcknowledgingAndTheStoreRecovers() throws Exception {
        try (EventStore s = newStore()) {
            s.append(List.of(ev("u", "before")), null);
            PG.get().stopServer();
            try {
                assertThatThrownBy(() -> s.append(List.of(ev("u", "during")), "k-during"))
                        .isInstanceOf(StoreUnavailableException.class);
            } finally {
                PG.get().startServer();
            }
            s.append(List.of(ev("u", "after")), "k-during"); // the failed key was not recorded either
            assertThat(s.userEvents("u", 10)).extracting(e -> e.event().item()).containsExactly("before", "after");
        }
    }
}
