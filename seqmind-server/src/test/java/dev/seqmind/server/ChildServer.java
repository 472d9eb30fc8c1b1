package dev.seqmind.server;

import dev.seqmind.server.state.Limits;
import java.nio.file.Path;
import java.util.Map;

/**
 * A server in its own JVM for the kill test: {@code ChildServer STORE DATASET MODEL KEYS}; prints {@code PORT n}
 * once it listens, then serves until killed.
 */
public final class ChildServer {
    private ChildServer() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, args[0], Path.of(args[1]),
                Map.of("markov1", Path.of(args[2])), null, Path.of(args[3]), null, 50,
                new Limits(1 << 20, 1000, 100, 100, 0));
        SeqmindServer server = SeqmindServer.start(config);
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
