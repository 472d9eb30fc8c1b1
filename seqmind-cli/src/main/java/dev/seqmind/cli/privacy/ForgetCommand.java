package dev.seqmind.cli.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.data.audit.AuditEntry;
import dev.seqmind.data.audit.AuditLog;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.store.DatasetDirectory;
import dev.seqmind.data.store.Erasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code seqmind forget}: erases one user on request from a dataset directory (binary files, names, DuckDB mirror),
 * from saved results, optionally from a running server, lists the models trained on data that held the user (and
 * with {@code --retrain} fits them again without the user), and writes a receipt that names the request, never the
 * person.
 */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Erase a user (raw or pseudonymised id) from a dataset directory and its saved results, "
                + "optionally from a running server; list models trained on the user's data; write a receipt.")
public final class ForgetCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Dataset directory.")
    Path dataset;

    @Option(names = "--user", required = true, description = "The user's id: raw, or the pseudonym stored in a "
            + "pseudonymised dataset.")
    String user;

    @Option(names = "--pseudonym-key-file", description = "Pseudonymisation key, to find a raw id in a pseudonymised "
            + "dataset (default: $" + Pseudonymizer.KEY_ENV + " when set).")
    Path pseudonymKeyFile;

    @Option(names = "--models", description = "Folders searched for model directories trained on this dataset "
            + "(repeatable).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--retrain", description = "Fit every model found under --models again on the erased dataset "
            + "(same trainer, parameters, seed and data part; replaced in place); models that cannot be rebuilt "
            + "exactly stay listed as stale (default: list only).")
    boolean retrain;

    @Option(names = "--rules", description = "Saved rule or pattern files outside the dataset directory to scrub and "
            + "mark stale (repeatable); results inside it always are.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--server", description = "Base URL of a running seqmind server whose event store must forget the "
            + "user too (DELETE /v1/users/{id}).")
    URI server;

    @Option(names = "--key-file", description = "With --server: file holding the server's admin key.")
    Path keyFile;

    @Override
    public Integer call() throws IOException {
        if (server != null && keyFile == null) {
            throw new dev.seqmind.data.error.InvalidParameterException("--key-file", "none",
                    "given with --server", "the server's DELETE route needs its admin key");
        }
        long t0 = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        DatasetDirectory store = new DatasetDirectory(dataset);
        SequenceDataset data = store.open();
        Set<String> ids = storedIds(data);
        List<ModelScan.StaleModel> stale = ModelScan.scan(models, data);
        Erasure erased = store.eraseUsers(ids);
        List<Erasure.FileChange> results = new ArrayList<>();
        List<Path> resultFiles = new ArrayList<>(ResultFiles.inDataset(dataset));
        resultFiles.addAll(rules);
        if (erased.usersRemoved() > 0) {
            for (Path f : resultFiles) {
                results.add(ResultFiles.scrubAndMark(f, ids, requestId));
            }
        }
        List<ModelRetrainer.Outcome> retrained = retrain && erased.usersRemoved() > 0
                ? ModelRetrainer.retrain(stale, store.open()) : List.of();
        for (ModelRetrainer.Outcome o : retrained) {
            if (o.retrained()) {
                AuditLog.of(dataset).append("retrain", "request " + requestId + ": model " + o.dir() + " ("
                        + o.trainer() + ") fitted again on the erased dataset");
            }
        }
        ServerErasure.Result remote = server == null ? null : ServerErasure.delete(server, keyFile, user);
        List<String> exports = new ArrayList<>();
        for (AuditEntry e : AuditLog.of(dataset).entries()) {
            if (e.action().equals("export")) {
                exports.add(e.time() + " " + e.detail());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path receipt = writeReceipt(requestId, erased, results, stale, retrained, remote, exports, seconds);
        AuditLog.of(dataset).append("erase", "request " + requestId + ": " + erased.usersRemoved() + " user(s), "
                + erased.eventsRemoved() + " event(s); receipt " + dataset.relativize(receipt));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("request %s: %d user(s) and %d event(s) removed from %s in %.2f s%n", requestId,
                erased.usersRemoved(), erased.eventsRemoved(), erased.store(), seconds);
        for (Erasure.FileChange c : results) {
            out.println("  scrubbed and marked stale: " + c.path());
        }
        for (ModelScan.StaleModel m : stale) {
            ModelRetrainer.Outcome o = retrained.stream().filter(x -> x.dir().equals(m.dir().toString())).findFirst()
                    .orElse(null);
            if (o != null && o.retrained()) {
                out.printf("  retrained model: %s (%s on %s, %.2f s)%n", m.dir(), o.trainer(), o.fittedOn(),
                        o.seconds());
            } else {
                out.println("  stale model (retrain it): " + m.dir() + " (" + m.name() + ", matched by " + m.match()
                        + (o == null ? "" : "; not retrained: " + o.reason()) + ")");
            }
        }
        for (String e : exports) {
            out.println("  export made before, may still hold the user: " + e);
        }
        if (remote != null) {
            out.println("  server " + remote.url() + ": HTTP " + remote.status());
        }
        out.println("receipt: " + receipt);
        if (erased.usersRemoved() == 0) {
            spec.commandLine().getErr().println("seqmind forget: no such user in " + dataset
                    + (data.info().pseudonymised() && ids.size() == 1 ? " (the dataset is pseudonymised: give the "
                    + "pseudonym, or the raw id with --pseudonym-key-file)" : ""));
        }
        return remote != null && !remote.ok() ? ExitCodes.BAD_INPUT : 0;
    }

    /** The id as given and, in a pseudonymised dataset with a key at hand, its pseudonym. */
    private Set<String> storedIds(SequenceDataset data) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(user);
        if (data.info().pseudonymised()) {
            Pseudonymizer p = pseudonymKeyFile != null ? Pseudonymizer.fromKeyFile(pseudonymKeyFile)
                    : System.getenv(Pseudonymizer.KEY_ENV) != null ? Pseudonymizer.fromEnvironment() : null;
            if (p != null) {
                ids.add(p.pseudonym(user));
            }
        }
        return ids;
    }

    private Path writeReceipt(String requestId, Erasure erased, List<Erasure.FileChange> results,
                              List<ModelScan.StaleModel> stale, List<ModelRetrainer.Outcome> retrained,
                              ServerErasure.Result remote, List<String> exports,
                              double seconds) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("request", requestId);
        r.put("time", Instant.now().toString());
        r.put("who", System.getProperty("user.name", ""));
        r.put("dataset", erased.store());
        r.put("usersRemoved", erased.usersRemoved());
        r.put("eventsRemoved", erased.eventsRemoved());
        r.put("seconds", seconds);
        r.put("datasetFiles", erased.files());
        r.put("resultFiles", results);
        r.put("staleModels", stale.stream().map(m -> Map.of("dir", m.dir().toString(), "name", m.name(),
                "matchedBy", m.match())).toList());
        r.put("retrain", retrain ? retrained : null);
        r.put("server", remote == null ? null : Map.of("url", remote.url(), "status", remote.status()));
        r.put("exportsBefore", exports);
        r.put("note", "the receipt names the request, not the person; keep the request id with the request");
        Path dir = dataset.resolve(ResultFiles.RECEIPTS);
        Files.createDirectories(dir);
        Path file = dir.resolve(requestId + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), r);
        return file;
    }
}
