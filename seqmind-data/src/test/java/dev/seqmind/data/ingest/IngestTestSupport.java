package dev.seqmind.data.ingest;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small logs to temp files and ingests them. */
public final class IngestTestSupport {
    private IngestTestSupport() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    public static IngestResult ingest(IngestSpec spec) throws IOException {
        return new Ingestor(Progress.NONE).run(spec);
    }

    public static IngestResult ingest(Path file, InputFormat format) throws IOException {
        return ingest(IngestSpec.of("test", InputSpec.of(file, format)));
    }
}
