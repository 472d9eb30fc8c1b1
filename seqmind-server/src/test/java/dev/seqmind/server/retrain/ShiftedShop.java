package dev.seqmind.server.retrain;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.server.Http;
import dev.seqmind.server.store.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A shop whose behaviour shifts: before, users mostly walk {@code i(k) -> i(k+1)}; after, {@code i(k) -> i(k+3)}.
 * A model fitted before the shift is stale after it; one fitted on the new events is measurably better.
 */
public final class ShiftedShop {
    static final int ITEMS = 40;
    static final long START = System.currentTimeMillis() - 20L * 86_400_000L;

    private ShiftedShop() {
    }

    private static void walk(SplittableRandom r, int step, String user, long t0, List<Event> out) {
        int item = r.nextInt(ITEMS);
        int len = 6 + r.nextInt(8);
        long t = t0;
        for (int j = 0; j < len; j++) {
            out.add(new Event(user, "i" + item, "view", t += 60_000, null));
            item = r.nextInt(10) < 8 ? (item + step) % ITEMS : r.nextInt(ITEMS);
        }
    }

    /** 300 users before the shift, over the first ten days. */
    public static SequenceDataset before() {
        SplittableRandom r = new SplittableRandom(1);
        List<Event> events = new ArrayList<>();
        for (int u = 0; u < 300; u++) {
            walk(r, 1, "u" + u, START + u * 2_000_000L, events);
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("shifted", TimeKind.EPOCH_MILLIS), 4096);
        events.forEach(e -> b.add(e.user(), e.item(), e.action(), e.timestamp()));
        return b.build();
    }

    /** Events after the shift (days 11 to 15): returning users {@code u0..} and new ones {@code n0..}. */
    public static List<Event> after(int users) {
        SplittableRandom r = new SplittableRandom(2);
        List<Event> events = new ArrayList<>();
        long t0 = START + 10L * 86_400_000L;
        for (int u = 0; u < users; u++) {
            walk(r, 3, u % 2 == 0 ? "u" + u : "n" + u, t0 + u * 1_000_000L, events);
        }
        return events;
    }

    /** Posts {@code events} as views through {@code POST /v1/events}, 500 a batch; asserts each batch is taken. */
    public static void post(Http http, String writeKey, List<Event> events) {
        for (int i = 0; i < events.size(); i += 500) {
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int j = i; j < Math.min(events.size(), i + 500); j++) {
                Event e = events.get(j);
                body.append(j > i ? "," : "").append("{\"user\":\"").append(e.user()).append("\",\"item\":\"")
                        .append(e.item()).append("\",\"action\":\"view\",\"timestamp\":").append(e.timestamp())
                        .append('}');
            }
            var r = http.post("/v1/events", writeKey, body.append("]}").toString());
            if (r.status() != 200) {
                throw new AssertionError("POST /v1/events: " + r.status() + " " + r.text());
            }
        }
    }
}
