package dev.seqmind.cli.data;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.data.write.DatasetExporter;
import dev.seqmind.data.write.ExportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code seqmind export}: write a dataset in another tool's format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an ingested dataset as SPMF, RecBole atomic files, SASRec lines or sequence lines.",
        footer = {"", "Example:", "  seqmind export --dataset data/ml1m --format spmf --out export/ml1m"})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "DIR", description = "Dataset directory.")
    Path dataset;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES}.")
    ExportFormat format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "BASE",
            description = "Output path without extension; the format adds .txt, .inter, .item, .users.tsv, .items.tsv.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        ExportFormat f = format;
        SequenceDataset d = DatasetStore.open(dataset);
        List<Path> files = new DatasetExporter().export(d, f, out);
        for (Path p : files) {
            stdout.println("wrote " + p);
        }
        dev.seqmind.cli.audit.AuditLogs.record(dataset, "export", f.name().toLowerCase(Locale.ROOT) + " "
                + d.numUsers() + " users to " + String.join(", ", files.stream().map(p -> p.toAbsolutePath()
                .toString()).toList()));
        return 0;
    }
}
