package dev.seqmind.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteEventStoreTest extends EventStoreContract {
    @TempDir
    Path tmp;
    int n;

    @Override
    EventStore newStore() {
        return new SqliteEventStore(tmp.resolve("events-" + (n++) + ".sqlite"));
    }

    @Test
    void theFileIsInWalModeAndReadableByAnotherConnectionWhileOpen() throws Exception {
        Path f = tmp.resolve("wal.sqlite");
        try (EventStore s = new SqliteEventStore(f)) {
            s.append(List.of(ev("u", "i")), null);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                 ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
                ResultSet n = c.createStatement().executeQuery("SELECT COUNT(*) FROM events");
                n.next();
                assertThat(n.getLong(1)).isEqualTo(1);
            }
        }
        try (EventStore again = new SqliteEventStore(f)) {
            assertThat(again.count()).isEqualTo(1); // survives a restart
        }
    }
}
