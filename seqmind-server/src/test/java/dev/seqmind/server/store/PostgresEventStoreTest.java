package dev.seqmind.server.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract against a real PostgreSQL started on 127.0.0.1 (see {@link LocalPostgres}). */
class PostgresEventStoreTest extends EventStoreContract {
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
    EventStore newStore() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url())) {
            c.createStatement().execute("DROP TABLE IF EXISTS events");
            c.createStatement().execute("DROP TABLE IF EXISTS batches");
            c.createStatement().execute("DROP TABLE IF EXISTS batch_users");
        }
        return new PostgresEventStore(pg.url());
    }

    @Override
    EventStore reopen() {
        return new PostgresEventStore(pg.url());
    }

    @Override
    Connection sql() throws Exception {
        return DriverManager.getConnection(pg.url());
    }

    @Test
    void aDatabaseThatIsDownFailsAppendsWithoutAcknowledgingAndTheStoreRecovers() throws Exception {
        try (EventStore s = newStore()) {
            s.append(List.of(ev("u", "before")), null);
            pg.stopServer();
            try {
                assertThatThrownBy(() -> s.append(List.of(ev("u", "during")), "k-during"))
                        .isInstanceOf(StoreUnavailableException.class);
            } finally {
                pg.startServer();
            }
            s.append(List.of(ev("u", "after")), "k-during"); // the failed key was not recorded either
            assertThat(s.userEvents("u", 10)).extracting(e -> e.event().item()).containsExactly("before", "after");
        }
    }
}
