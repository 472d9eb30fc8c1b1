package dev.seqmind.cli.serve;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.model.Scoring;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code seqmind serve}: the real-time service (see docs/serving.md). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve durable event intake and explained recommendations over HTTP (docs/serving.md).")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Serve what 'seqmind demo' wrote (dataset, models), with demo keys "
            + "created on the first start and printed at every start; the event store is kept across restarts.")
    boolean demo;

    @Option(names = "--demo-dir", paramLabel = "DIR", defaultValue = "seqmind-demo",
            description = "The demo's working folder (default: ${DEFAULT-VALUE}).")
    Path demoDir;

    @Option(names = "--dataset", paramLabel = "DIR", description = "Dataset directory: titles, categories, and "
            + "rules mined at start when --rules is absent.")
    Path dataset;

    @Option(names = "--model", paramLabel = "[NAME=]DIR", description = "A model directory (classic or neural); "
            + "repeat for several, the first is the default. NAME defaults to the directory's name.")
    List<String> models = List.of();

    @Option(names = "--rules", paramLabel = "FILE|DIR", description = "Mined rules as JSON lines ('seqmind mine "
            + "rules --format jsonl'); when the file does not exist, rules mined at start are written to it.")
    Path rules;

    @Option(names = "--store", paramLabel = "FILE|URL", description = "Event store: a SQLite file or a "
            + "jdbc:postgresql:// URL (default: <dataset>.events.sqlite beside the dataset).")
    String store;

    @Option(names = "--keys", paramLabel = "FILE", description = "API key file: lines '<role> <name> <sha256>' "
            + "(create lines with --new-key).")
    Path keys;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: "
            + "${DEFAULT-VALUE}; use 0.0.0.0 only behind TLS).")
    String bind;

    @Option(names = "--port", defaultValue = "8080", description = "Port, 0 for any free one (default: "
            + "${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--pseudonymize", description = "Store user ids as keyed HMAC-SHA256 pseudonyms (the same "
            + "key as 'seqmind ingest --pseudonymize': --key-file or $" + Pseudonymizer.KEY_ENV + ").")
    boolean pseudonymize;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Pseudonymisation key file.")
    Path keyFile;

    @Option(names = "--max-len", defaultValue = "200", description = "Most recent items kept per user (default: "
            + "${DEFAULT-VALUE}).")
    int maxLen;

    @Option(names = "--max-batch", defaultValue = "1000", description = "Most events per batch (default: "
            + "${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-body", defaultValue = "1048576", description = "Largest request body in bytes "
            + "(default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--rate-limit", defaultValue = "2000", description = "Requests a second per key, 0 for no "
            + "limit (default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Option(names = "--retrain-every", paramLabel = "DURATION", description = "Run the retraining cycle (store -> "
            + "append to --dataset -> fit -> compare -> swap) in the background this often, e.g. 6h; a failed cycle "
            + "is logged and the current model keeps serving. Default: off.")
    String retrainEvery;

    @Option(names = "--retrain-model", paramLabel = "NAME", description = "The served model --retrain-every "
            + "retrains. Default: the default (first) model.")
    String retrainModel;

    @picocli.CommandLine.Mixin
    dev.seqmind.cli.retrain.RetrainOptions retrain = new dev.seqmind.cli.retrain.RetrainOptions();

    @Option(names = "--forward", defaultValue = "java", description = "SASRec's and sasrec-text's forward pass: java (pure Java on "
            + "each request's thread, users' encoded histories kept by --encoded-users; other neural families stay "
            + "native) or native (the PyTorch engine, requests batched by --score-batch) (default: ${DEFAULT-VALUE}).")
    String forward;

    @Option(names = "--score-batch", defaultValue = "32", description = "Native engine: most concurrent requests "
            + "scored in one forward pass, 0 = each request alone (default: ${DEFAULT-VALUE}).")
    int scoreBatch;

    @Option(names = "--score-wait-us", defaultValue = "1000", description = "Native engine: microseconds the first "
            + "request of a batch waits for others (default: ${DEFAULT-VALUE}).")
    long scoreWaitMicros;

    @Option(names = "--encoded-users", defaultValue = "50000", description = "Pure-Java SASRec: most users whose "
            + "encoded live history (the last hidden vector, with the history it came from: about 1 KB a user at "
            + "--max-len 200) each model keeps between requests, so a request whose user has sent no event since "
            + "is one matrix-vector product; 0 keeps none (default: ${DEFAULT-VALUE}).")
    int encodedUsers;

    @Option(names = "--new-key", paramLabel = "ROLE:NAME", description = "Print a new random key for ROLE "
            + "(read, write, admin) and the line to add to the key file, then exit.")
    String newKey;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (newKey != null) {
            return printNewKey(out);
        }
        Map<String, Path> named = new LinkedHashMap<>();
        Path keyPath = keys;
        String storeSpec = store;
        Path data = dataset;
        Path rulePath = rules;
        DemoServe d = null;
        if (demo) {
            d = DemoServe.prepare(demoDir);
            named.putAll(d.models());
            keyPath = keyPath == null ? d.keys() : keyPath;
            storeSpec = storeSpec == null ? d.store().toString() : storeSpec;
            data = data == null ? d.dataset() : data;
            rulePath = rulePath == null ? d.rules() : rulePath;
        }
        for (String m : models) {
            int eq = m.indexOf('=');
            Path dir = Path.of(eq < 0 ? m : m.substring(eq + 1));
            named.put(eq < 0 ? dir.getFileName().toString() : m.substring(0, eq), dir);
        }
        if (keyPath == null) {
            throw new InvalidParameterException("--keys", "(none)", "a key file", "create one with --new-key "
                    + "read:NAME (and write, admin) or use --demo");
        }
        if (storeSpec == null) {
            if (data == null) {
                throw new InvalidParameterException("--store", "(none)", "a SQLite file or jdbc:postgresql:// URL",
                        "or give --dataset to keep events beside it");
            }
            Path abs = data.toAbsolutePath().normalize();
            storeSpec = abs.resolveSibling(abs.getFileName() + ".events.sqlite").toString();
        }
        Pseudonymizer p = !pseudonymize ? null
                : keyFile != null ? Pseudonymizer.fromKeyFile(keyFile) : Pseudonymizer.fromEnvironment();
        ServerConfig config = new ServerConfig(bind, port, storeSpec, data, named, rulePath, keyPath, p, maxLen,
                new Limits(maxBody, maxBatch, 1_000, 1_000, rateLimit), scoring());
        SeqmindServer server = SeqmindServer.start(config);
        var scheduler = retrainEvery == null ? null
                : dev.seqmind.cli.retrain.ScheduledRetrain.start(retrainEvery, retrainModel, data, storeSpec, p,
                retrain, server);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (scheduler != null) {
                scheduler.close();
            }
            server.close();
            stopped.countDown();
        }));
        var r = server.report();
        out.printf(Locale.ROOT, "seqmind serving on http://%s:%d  (models %s; %d stored events rebuilt in %d ms; "
                        + "%d rules; store %s; started in %d ms)%n", bind, server.port(), named.keySet(),
                r.rebuiltEvents(), r.rebuildMillis(), r.rules(), server.state().store().describe(), r.startMillis());
        if (d != null) {
            d.keyLines().forEach(out::println);
            out.println("try: curl -H 'Authorization: Bearer <read key>' http://" + bind + ":" + server.port()
                    + "/v1/patterns?limit=5   (docs/serving.md has every route)");
        }
        out.println("stop with Ctrl-C");
        out.flush();
        stopped.await();
        return 0;
    }

    private Scoring scoring() {
        Scoring.Forward f = switch (forward.toLowerCase(Locale.ROOT)) {
            case "native" -> Scoring.Forward.NATIVE;
            case "java" -> Scoring.Forward.JAVA;
            default -> throw new InvalidParameterException("--forward", forward, "native or java");
        };
        if (scoreBatch < 0 || scoreBatch > 1024) {
            throw new InvalidParameterException("--score-batch", scoreBatch, "in [0, 1024]");
        }
        if (scoreWaitMicros < 0 || scoreWaitMicros > 1_000_000) {
            throw new InvalidParameterException("--score-wait-us", scoreWaitMicros, "in [0, 1000000]");
        }
        if (encodedUsers < 0) {
            throw new InvalidParameterException("--encoded-users", encodedUsers, ">= 0");
        }
        return new Scoring(f, scoreBatch, scoreWaitMicros, encodedUsers);
    }

    private int printNewKey(PrintWriter out) {
        int colon = newKey.indexOf(':');
        if (colon < 1 || colon == newKey.length() - 1) {
            throw new InvalidParameterException("--new-key", newKey, "ROLE:NAME, e.g. read:web-frontend");
        }
        Role role;
        try {
            role = Role.valueOf(newKey.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("--new-key", newKey, "a role of read, write or admin");
        }
        String key = ApiKeys.newKey(new SecureRandom());
        out.println("key (give it to the client; it is not stored anywhere): " + key);
        out.println("line for the key file: " + ApiKeys.line(role, newKey.substring(colon + 1), key));
        return 0;
    }
}
