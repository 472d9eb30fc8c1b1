package dev.seqmind.cli.serve;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.Limits;
import dev.seqmind.server.store.Event;
import dev.seqmind.server.store.EventStore;
import dev.seqmind.server.store.EventStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code seqmind bench serve-startup}: fills an event store with a dataset's events (replayed, repeated until
 * {@code --events}), then times a server start on it: reading every stored event into live state, and the whole start.
 */
@Command(name = "serve-startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time 'seqmind serve' start-up (live state rebuilt from the store) with N stored events.")
public final class ServeStartupBench implements Callable<Integer> {
    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Events to replay into the store.")
    Path dataset;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model to serve.")
    Path model;

    @Option(names = "--store", required = true, description = "Store to fill: a new SQLite file or a "
            + "jdbc:postgresql:// URL (kept afterwards).")
    String store;

    @Option(names = "--events", defaultValue = "1000000", description = "Stored events (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file to read (or write once), so mining "
            + "is not timed.")
    Path rules;

    @Override
    public Integer call() throws Exception {
        SequenceDataset data = DatasetStore.open(dataset);
        long t0 = System.nanoTime();
        int n = 0;
        try (EventStore s = EventStores.open(store)) {
            long have = s.count();
            List<Event> batch = new ArrayList<>(10_000);
            outer:
            for (int round = 0; have + n < events; round++) {
                for (int u = 0; u < data.numUsers(); u++) {
                    int[] items = data.itemsOf(u);
                    for (int item : items) {
                        batch.add(new Event("r" + round + "-" + data.users().externalId(u),
                                data.items().externalId(item), "view", 1_700_000_000_000L + n, null));
                        if (++n + have >= events) {
                            break outer;
                        }
                        if (batch.size() == 10_000) {
                            s.append(batch, null);
                            batch.clear();
                        }
                    }
                }
            }
            if (!batch.isEmpty()) {
                s.append(batch, null);
            }
            System.out.printf(Locale.ROOT, "store %s: %d events (%d added in %.1f s)%n", s.describe(), s.count(), n,
                    (System.nanoTime() - t0) / 1e9);
        }
        Path keys = Files.createTempFile("seqmind-keys", ".txt");
        Files.writeString(keys, ApiKeys.line(Role.READ, "bench", ApiKeys.newKey(new SecureRandom())) + "\n");
        System.gc();
        long heap0 = used();
        long s0 = System.nanoTime();
        try (SeqmindServer server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0, store, dataset,
                Map.of("model", model), rules, keys, null, 200, Limits.defaults()))) {
            long total = (System.nanoTime() - s0) / 1_000_000;
            System.gc();
            var r = server.report();
            System.out.printf(Locale.ROOT, "start-up: %d stored events read into live state (%d users) in %d ms "
                            + "(%.0f events/s); whole start %d ms; heap after start +%d MB%n", r.rebuiltEvents(),
                    server.state().live().users(), r.rebuildMillis(), r.rebuiltEvents() * 1000.0 / Math.max(1,
                            r.rebuildMillis()), total, (used() - heap0) >> 20);
        } finally {
            Files.deleteIfExists(keys);
        }
        return 0;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
