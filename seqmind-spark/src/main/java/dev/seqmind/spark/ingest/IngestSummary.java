package dev.seqmind.spark.ingest;

import dev.seqmind.data.ingest.IngestReport;

import java.util.List;

/**
 * What an ingest on Spark wrote, saved as {@code ingest.json} beside the sequences: the dataset's name, its input
 * files in order, what its times are ({@link dev.seqmind.data.model.TimeKind} name) and the cleaning report.
 */
public record IngestSummary(String name, List<String> files, String timeKind, IngestReport report) {
    public IngestSummary {
        files = List.copyOf(files);
    }
}
