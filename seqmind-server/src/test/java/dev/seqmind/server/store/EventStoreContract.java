package dev.seqmind.server.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link EventStore} must do; each implementation's test extends this with a fresh store per test. */
abstract class EventStoreContract {
    /** A new, empty store. */
    abstract EventStore newStore() throws Exception;

    /** The database of the last store {@link #newStore} made, opened again as after a restart. */
    abstract EventStore reopen() throws Exception;

    /** A plain SQL connection to the database of the last store {@link #newStore} made. */
    abstract Connection sql() throws Exception;

    long rows(String query, String arg) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * 50 batches of 40 events of seven other users (enough rows for many pages) with {@code theirs} added to five of
     * them spread through, whose idempotency keys start with {@code theirKey}.
     */
    static void appendSpread(EventStore s, Event theirs, String theirKey) {
        for (int b = 0; b < 50; b++) {
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                batch.add(ev("other-" + (i % 7), "item-" + b + "-" + i));
            }
            if (b % 10 == 3) {
                batch.add(theirs);
            }
            s.append(batch, b % 10 == 3 ? theirKey + b : "batch-" + b);
        }
    }

    static Event ev(String user, String item) {
        return new Event(user, item, "view", 1_700_000_000_000L, null);
    }

    @Test
    void appendedEventsReadBackInCommitOrderWithProperties() throws Exception {
        try (EventStore s = newStore()) {
            s.append(List.of(ev("u1", "a"), new Event("u1", "b", "buy", 1_700_000_000_001L, "{\"price\":3}")), null);
            s.append(List.of(ev("u2", "c"), ev("u1", "d")), null);
            List<StoredEvent> u1 = s.userEvents("u1", 10);
            assertThat(u1).extracting(e -> e.event().item()).containsExactly("a", "b", "d");
            assertThat(u1.get(1).event().properties()).isEqualTo("{\"price\":3}");
            assertThat(u1.get(1).event().action()).isEqualTo("buy");
            assertThat(s.userEvents("u1", 2)).extracting(e -> e.event().item()).containsExactly("b", "d");
            List<String> scanned = new ArrayList<>();
            s.scan((seq, user, item, action, ts) -> scanned.add(user + ":" + item));
            assertThat(scanned).containsExactly("u1:a", "u1:b", "u2:c", "u1:d");
            assertThat(s.count()).isEqualTo(4);
        }
    }

    @Test
    void manyConcurrentBatchesAreEachStoredExactlyOnceAndListenedToInCommitOrder() throws Exception {
        try (EventStore s = newStore()) {
            List<String> heard = Collections.synchronizedList(new ArrayList<>());
            s.listener(new EventStore.CommitListener() {
                @Override
                public void committed(List<Event> events) {
                    events.forEach(e -> heard.add(e.user() + ":" + e.item()));
                }

                @Override
                public void erased(String user) {
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger duplicates = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < 25; b++) {
                        List<Event> batch = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            batch.add(ev("t" + thread, b + "." + i));
                        }
                        // every batch is sent twice with the same key, as a client retrying would
                        s.append(batch, "t" + thread + "-b" + b);
                        if (s.append(batch, "t" + thread + "-b" + b).duplicate()) {
                            duplicates.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(duplicates.get()).isEqualTo(200);
            assertThat(s.count()).isEqualTo(8 * 25 * 4);
            List<String> scanned = new ArrayList<>();
            s.scan((seq, user, item, action, ts) -> scanned.add(user + ":" + item));
            assertThat(heard).containsExactlyElementsOf(scanned);
            Set<String> unique = new HashSet<>(scanned);
            assertThat(unique).hasSize(scanned.size());
            for (int t = 0; t < 8; t++) {
                List<String> items = s.userEvents("t" + t, 1000).stream().map(e -> e.event().item()).toList();
                assertThat(items.getFirst()).isEqualTo("0.0");
                assertThat(items.getLast()).isEqualTo("24.3"); // each thread's batches keep their order
            }
        }
    }

    @Test
    void erasureRemovesOnlyThatUserAndIsReported() throws Exception {
        try (EventStore s = newStore()) {
            List<String> erased = new ArrayList<>();
            s.listener(new EventStore.CommitListener() {
                @Override
                public void committed(List<Event> events) {
                }

                @Override
                public void erased(String user) {
                    erased.add(user);
                }
            });
            s.append(List.of(ev("gone", "a"), ev("kept", "b"), ev("gone", "c")), "k1");
            assertThat(s.eraseUser("gone")).isEqualTo(2);
            assertThat(s.eraseUser("never")).isZero();
            assertThat(s.userEvents("gone", 10)).isEmpty();
            assertThat(s.userEvents("kept", 10)).hasSize(1);
            assertThat(erased).containsExactly("gone", "never");
        }
    }

    @Test
    void erasureDropsTheUsersIdempotencyRecordsAndLastsAfterARestart() throws Exception {
        try (EventStore s = newStore()) {
            s.append(List.of(ev("gone", "a"), ev("kept", "b")), "mixed-batch");
            s.append(List.of(ev("gone", "c")), "gone-alone");
            s.append(List.of(ev("kept", "d")), "kept-alone");
            s.append(List.of(ev("gone", "e")), null);
            assertThat(rows("SELECT COUNT(*) FROM batch_users WHERE user_id = ?", "gone")).isEqualTo(2);
            assertThat(s.eraseUser("gone")).isEqualTo(3);
        }
        try (EventStore s = reopen()) {
            assertThat(s.userEvents("gone", 10)).isEmpty();
            List<String> scanned = new ArrayList<>();
            s.scan((seq, user, item, action, ts) -> scanned.add(user + ":" + item));
            assertThat(scanned).containsExactly("kept:b", "kept:d");
            assertThat(rows("SELECT COUNT(*) FROM events WHERE user_id = ?", "gone")).isZero();
            assertThat(rows("SELECT COUNT(*) FROM batch_users WHERE user_id = ?", "gone")).isZero();
            assertThat(rows("SELECT COUNT(*) FROM batches WHERE batch_key LIKE ?", "%alone")).isEqualTo(1);
            assertThat(rows("SELECT COUNT(*) FROM batches WHERE batch_key = ?", "mixed-batch")).isZero();
            assertThat(s.append(List.of(ev("kept", "d")), "kept-alone").duplicate()).isTrue();
        }
    }
}
