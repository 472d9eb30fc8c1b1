package dev.seqmind.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * Every byte of the files of the store's tables, their indexes and TOAST tables in the data directory, as
     * Latin-1 so any byte sequence matches; a checkpoint first, so what sits in shared buffers is on disk.
     */
    private static String tableBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(PG.get().url()); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            ResultSet r = s.executeQuery("SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid IN ("
                    + "SELECT t.oid FROM pg_class t WHERE t.relname IN ('events', 'batches', 'batch_users') "
                    + "UNION SELECT i.indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
                    + "WHERE t.relname IN ('events', 'batches', 'batch_users') "
                    + "UNION SELECT t.reltoastrelid FROM pg_class t WHERE t.relname IN "
                    + "('events', 'batches', 'batch_users') AND t.reltoastrelid <> 0)");
            int files = 0;
            while (r.next()) {
                Path main = PG.get().dataDir().resolve(r.getString(1));
                try (Stream<Path> siblings = Files.list(main.getParent())) {
                    for (Path f : siblings.filter(f -> f.getFileName().toString()
                            .matches(Pattern.quote(main.getFileName().toString()) + "(\\.\\d+|_fsm|_vm|_init)?"))
                            .toList()) {
                        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
                        files++;
                    }
                }
            }
            assertThat(files).as("heap and index files found").isGreaterThanOrEqualTo(6);
        }
        return all.toString();
    }

    /** Every byte of the write-ahead log segments. */
    private static String walBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.list(PG.get().dataDir().resolve("pg_wal"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void anErasedUsersIdsAreInNoHeapOrIndexFileAndLeaveTheLogAfterACheckpointAndASwitch() throws Exception {
        String pseudonym = "p-7c1e9a04d2b35f86"; // the id the server stores
        String raw = "erased-person-8731@example.org"; // named by the client in batch keys and properties
        try (EventStore s = newStore()) {
            appendSpread(s, new Event(pseudonym, "item-x", "buy", 1_700_000_000_000L, "{\"email\":\"" + raw + "\"}"),
                    "retry-" + raw + "-");
            String before = tableBytes();
            assertThat(before.contains(pseudonym) && before.contains(raw)).as("the scan sees them before").isTrue();
            assertThat(s.eraseUser(pseudonym)).isEqualTo(5);
            String after = tableBytes();
            assertThat(after.contains(pseudonym)).as("pseudonym in a table file").isFalse();
            assertThat(after.contains(raw)).as("raw id in a table file").isFalse();
            assertThat(after.contains("other-3") && after.contains("item-49-39")).as("the rest is readable").isTrue();
            s.append(List.of(ev("other-1", "later")), "batch-later");
            String later = tableBytes();
            assertThat(later.contains(pseudonym) || later.contains(raw)).as("ids in a table file later").isFalse();

            // the log still has the inserts until its segment is gone: what an operator runs to drop it
            assertThat(walBytes().contains(pseudonym)).as("pseudonym in the log before the switch").isTrue();
            try (Connection c = DriverManager.getConnection(PG.get().url()); Statement st = c.createStatement()) {
                st.execute("ALTER SYSTEM SET wal_recycle = off"); // old segments are deleted, not renamed for reuse
                st.execute("SELECT pg_reload_conf()");
                st.execute("SELECT pg_switch_wal()");
                st.execute("CHECKPOINT");
            }
            String wal = walBytes();
            assertThat(wal.contains(pseudonym) || wal.contains(raw)).as("ids in the log after the switch").isFalse();
        }
        try (EventStore again = reopen()) {
            assertThat(again.userEvents(pseudonym, 10)).isEmpty();
            assertThat(again.count()).isEqualTo(50 * 40 + 1);
        }
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
