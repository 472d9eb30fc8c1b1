package dev.seqmind.data.ingest;

import dev.seqmind.data.model.SequenceDataset;

/** What an ingest produced and the report of how. */
public record IngestResult(SequenceDataset dataset, IngestReport report) {
}
