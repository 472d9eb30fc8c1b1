package dev.seqmind.data.ingest;

import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.error.CancelledException;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Runs an {@link IngestSpec}: read every file, attach item metadata, pseudonymise users, then the cleaning steps in
 * order, recording a {@link StepReport} for each so that read = kept + dropped holds end to end.
 */
public final class Ingestor {
    private final Progress progress;

    public Ingestor(Progress progress) {
        this.progress = progress;
    }

    public IngestResult run(IngestSpec spec) throws IOException {
        long bytes = 0;
        for (InputSpec in : spec.inputs()) {
            InputFiles.requireExists(in.path());
            bytes += Files.size(in.path());
        }
        EventCollector collector = new EventCollector(spec.strict(), (int) Math.min(1 << 30, bytes / 24 + 1024),
                !spec.steps().isEmpty(), spec.timeRange());
        try (Progress.Task task = progress.start("read", bytes, "bytes")) {
            collector.progress(task);
            for (InputSpec in : spec.inputs()) {
                task.status(in.path().getFileName().toString());
                in.format().reader(in.columns(), in.time()).read(in.path(), collector);
                if (progress.isCancelled()) {
                    throw new CancelledException("ingest interrupted: nothing was written");
                }
            }
        }
        for (IngestSpec.ItemFile f : spec.itemFiles()) {
            InputFiles.requireExists(f.path());
            collector.addCatalog(f.reader().read(f.path()));
        }
        StepReport read = collector.report(spec.inputs().size() + " file(s)");
        TracedEvents events = collector.finish(spec.name());
        IngestReport report = new IngestReport(List.of(read));
        DatasetInfo info = events.data().info().withStep("read " + read.rowsOut() + " of " + read.rowsIn() + " rows")
                .withActionWeights(spec.actionWeights());
        if (spec.pseudonymizer().isPresent()) {
            info = info.withPseudonymised(true).withStep("user ids pseudonymised (HMAC-SHA256)");
            events = events.withData(events.data().withUsers(spec.pseudonymizer().get().apply(events.data().users())));
        }
        for (CleaningStep step : spec.steps()) {
            DropCounter drops = new DropCounter();
            long in = events.data().numInteractions();
            events = step.apply(events, drops);
            StepReport r = drops.report(step.name(), step.detail(), in, events.data().numInteractions());
            report = report.with(r);
            info = info.withStep(step.name() + ": " + step.detail() + " (dropped " + r.dropped() + ")");
        }
        return new IngestResult(events.data().withInfo(info), report);
    }
}
