package dev.seqmind.server.api;

import dev.seqmind.server.Fixtures;
import dev.seqmind.server.Http;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Swapping the served model back and forth while requests run: no request fails, and retired models close. */
class HotSwapTest {
    @Test
    void swapsUnderLoadFailNoRequestAndCloseRetiredModels(@TempDir Path tmp) throws Exception {
        Fixtures.Shop shop = Fixtures.shop(tmp);
        try (SeqmindServer server = SeqmindServer.start(Fixtures.config(shop, tmp, new Limits(1 << 20, 1000, 100, 100,
                0)))) {
            Http http = new Http(server.port());
            http.post("/v1/events", shop.writeKey(), "{\"user\":\"s\",\"item\":\"i4\",\"action\":\"view\"}");
            ServedModel first = server.state().models().list().getFirst();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        var r = http.get("/v1/users/s/recommendations?k=5", shop.readKey());
                        var p = http.post("/v1/recommendations", shop.readKey(), "{\"history\":[\"i1\",\"i2\"]}");
                        if (r.status() != 200 || p.status() != 200 || r.json().get("items").isEmpty()) {
                            failures.add(r.status() + " " + p.status() + " " + r.text());
                        } else {
                            ok.incrementAndGet();
                        }
                    }
                }));
            }
            for (int swap = 0; swap < 12; swap++) {
                Path dir = swap % 2 == 0 ? shop.pop() : shop.markov();
                var r = http.post("/v1/admin/models", shop.adminKey(), "{\"name\":\"markov1\",\"path\":\""
                        + dir.toString().replace("\\", "\\\\") + "\"}");
                assertThat(r.status()).isEqualTo(200);
                Thread.sleep(60);
            }
            stop.set(true);
            for (Thread t : load) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(ok.get()).isGreaterThan(20);
            assertThat(first.closed()).as("the first model was retired and closed").isTrue();
            assertThat(server.state().models().list().getFirst().version()).isEqualTo(13);
        }
    }
}
