package dev.seqmind.cli.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.cli.console.TerminalProgress;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seqmind ingest}: read logs, clean them, and write a dataset directory. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read behaviour logs, clean them and write a dataset directory that every other command opens.",
                "Malformed rows are counted and skipped with their file:line (or stop the run with --strict)."},
        footer = {"", "Examples:",
                "  seqmind ingest ml-1m.txt --out data/ml1m",
                "  seqmind ingest ratings.dat --items movies.dat --actions 4,5 --k-core 5 --out data/ml1m-pos",
                "  seqmind ingest UserBehavior.csv --dedup --session-gap 1h --min-length 2 --pseudonymize "
                        + "--key-file key --out data/taobao",
                "  seqmind ingest log.csv --user visitor --item sku --time ts --time-format millis --out data/shop",
                "  seqmind ingest --append new-day.csv --out data/shop",
                "  seqmind ingest --append --from-store sqlite:data/shop.events.sqlite --out data/shop"})
public final class IngestCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Log file(s), read in order; .gz is decompressed.")
    List<Path> files = new java.util.ArrayList<>();

    @Option(names = "--append", description = "Add the new events to the existing dataset in --out without reading "
            + "its old logs again: same reader checks, the dataset's own cleaning rules, id maps extended, users "
            + "pseudonymised with its key; events older than a user's stored ones are kept in time order. "
            + "Default: off (write a new dataset).")
    boolean append;

    @Option(names = "--from-store", paramLabel = "STORE", description = "With --append: also read the events of a "
            + "server's store that the dataset does not hold yet (sqlite:/path/events.db, a SQLite file, or "
            + "jdbc:postgresql://...). Repeatable.")
    List<String> stores = new java.util.ArrayList<>();

    @Option(names = "--store-pseudonymized", description = "With --from-store: the store already holds pseudonyms "
            + "(its server ran with --pseudonymize and the dataset's key); they are not hashed again. Default: off.")
    boolean storePseudonymized;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Dataset directory to write.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (default: the output folder's name).")
    String name;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the cleaning report as JSON.")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Mixin
    IngestOptions options = new IngestOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        if (append) {
            return appendTo(stdout, t0);
        }
        if (!stores.isEmpty() || files.isEmpty()) {
            throw new dev.seqmind.data.error.InvalidParameterException(files.isEmpty() ? "FILE" : "--from-store",
                    files.isEmpty() ? "none" : stores, files.isEmpty() ? "at least one log file" : "used with --append");
        }
        String datasetName = name != null ? name : out.toAbsolutePath().getFileName().toString();
        IngestSpec spec = options.toSpec(datasetName, files);
        TerminalProgress progress = TerminalProgress.stderr(quiet);
        IngestResult result = new Ingestor(progress).run(spec);
        SequenceDataset d = result.dataset();
        stdout.print(result.report().toText());
        if (d.numInteractions() == 0) {
            throw new SeqmindException("no event is left after reading and cleaning (see the report above); "
                    + "nothing was written to " + out);
        }
        DatasetStore.save(d, out, progress);
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), result.report());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        stdout.printf("%nwrote %s: %,d users, %,d items, %,d events, %d action type(s)%s in %.1f s%n",
                out, d.numUsers(), d.numItems(), d.numInteractions(), d.actions().size(),
                d.info().pseudonymised() ? ", user ids pseudonymised" : "", secs);
        return 0;
    }

    private int appendTo(PrintWriter stdout, long t0) throws Exception {
        TerminalProgress progress = TerminalProgress.stderr(quiet);
        var r = IngestAppend.run(out, files, stores, storePseudonymized, options, progress);
        stdout.print(r.report().toText());
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), r.report());
        }
        SequenceDataset d = r.dataset();
        stdout.printf("%n%s %s: %,+d events, now %,d users, %,d items, %,d events in %.1f s%n",
                r.saved() ? "appended to" : "nothing new for", out, r.added(), d.numUsers(), d.numItems(),
                d.numInteractions(), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
