package dev.seqmind.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    private Path last() {
        return tmp.resolve("events-" + (n - 1) + ".sqlite");
    }

    @Override
    EventStore reopen() {
        return new SqliteEventStore(last());
    }

    @Override
    Connection sql() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + last());
    }

    /** Every byte of the database file and its -wal and -shm files, as Latin-1 so any byte sequence matches. */
    private static String bytesOf(Path db) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path f : List.of(db, Path.of(db + "-wal"), Path.of(db + "-shm"))) {
            if (Files.exists(f)) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void anErasedUsersIdIsInNoByteOfTheDatabaseOrItsLogWhileOpenAndAfterARestart() throws Exception {
        String person = "erased-person-8731@example.org";
        String item = "only-they-saw-item-5519";
        try (EventStore s = newStore()) {
            appendSpread(s, new Event(person, item, "buy", 1_700_000_000_000L, "{\"note\":\"" + person + "\"}"),
                    "retry-" + person + "-");
            assertThat(bytesOf(last())).contains(person, item); // the scan can see them before
            assertThat(s.eraseUser(person)).isEqualTo(5);
            String after = bytesOf(last());
            assertThat(after).doesNotContain(person).doesNotContain(item);
            assertThat(after).contains("other-3", "item-49-39"); // the rest is still readable there
            s.append(List.of(ev("other-1", "later")), "batch-later");
        }
        try (EventStore again = reopen()) {
            assertThat(again.count()).isEqualTo(50 * 40 + 1);
            assertThat(again.userEvents(person, 10)).isEmpty();
        }
        assertThat(bytesOf(last())).doesNotContain(person).doesNotContain(item);
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
