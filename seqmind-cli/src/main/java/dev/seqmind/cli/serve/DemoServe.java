package dev.seqmind.cli.serve;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code seqmind serve --demo} serves: the dataset and models {@code seqmind demo} wrote, an event store and
 * rules under {@code <demo>/serve/} (kept across restarts), and demo keys created on the first start. The key file
 * holds hashes only; the raw demo keys are kept in {@code demo-keys.txt} beside it, for local use only, so they can
 * be printed at every start.
 *
 * @param dataset  the demo dataset
 * @param models   model directories by name, markov1 first
 * @param store    the SQLite event store
 * @param rules    rules file (mined at the first start)
 * @param keys     the key file
 * @param raw      role to raw key, for printing
 */
record DemoServe(Path dataset, Map<String, Path> models, Path store, Path rules, Path keys, Map<Role, String> raw) {
    static DemoServe prepare(Path demo) throws IOException {
        Path dataset = demo.resolve("dataset");
        Path modelsDir = demo.resolve("models");
        if (!Files.isDirectory(dataset) || !Files.isDirectory(modelsDir)) {
            throw new SeqmindException(demo + " holds no demo dataset and models: run 'seqmind demo' first");
        }
        Map<String, Path> models = new LinkedHashMap<>();
        if (Files.isRegularFile(modelsDir.resolve("markov1/model.json"))) {
            models.put("markov1", modelsDir.resolve("markov1"));
        }
        try (Stream<Path> s = Files.list(modelsDir)) {
            s.filter(p -> Files.isRegularFile(p.resolve("model.json"))).sorted()
                    .forEach(p -> models.putIfAbsent(p.getFileName().toString(), p));
        }
        Path serve = demo.resolve("serve");
        Files.createDirectories(serve);
        Path keys = serve.resolve("keys.txt");
        Path raw = serve.resolve("demo-keys.txt");
        Map<Role, String> rawKeys = new LinkedHashMap<>();
        if (!Files.isRegularFile(keys) || !Files.isRegularFile(raw)) {
            SecureRandom rnd = new SecureRandom();
            StringBuilder hashes = new StringBuilder("# seqmind serve --demo keys (SHA-256 hashes only)\n");
            StringBuilder plain = new StringBuilder("# demo keys for local use only; never use demo keys elsewhere\n");
            for (Role role : Role.values()) {
                String key = ApiKeys.newKey(rnd);
                String name = "demo-" + role.name().toLowerCase(Locale.ROOT);
                hashes.append(ApiKeys.line(role, name, key)).append('\n');
                plain.append(role.name().toLowerCase(Locale.ROOT)).append(' ').append(key).append('\n');
            }
            Files.writeString(keys, hashes);
            Files.writeString(raw, plain);
        }
        for (String line : Files.readAllLines(raw)) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && !line.startsWith("#")) {
                rawKeys.put(Role.valueOf(f[0].toUpperCase(Locale.ROOT)), f[1]);
            }
        }
        return new DemoServe(dataset, models, serve.resolve("events.sqlite"), serve.resolve("rules.jsonl"), keys,
                rawKeys);
    }

    List<String> keyLines() {
        return raw.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " key: " + e.getValue())
                .toList();
    }
}
