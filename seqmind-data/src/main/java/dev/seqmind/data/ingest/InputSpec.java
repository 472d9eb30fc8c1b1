package dev.seqmind.data.ingest;

import dev.seqmind.data.read.ColumnMapping;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.read.TimeFormat;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One log file to read.
 *
 * @param path    the file ({@code .gz} is decompressed)
 * @param format  its format
 * @param columns column mapping for tabular formats, or null for the format's defaults
 * @param time    how timestamps are written, or null for {@link TimeFormat#AUTO}
 */
public record InputSpec(Path path, InputFormat format, ColumnMapping columns, TimeFormat time) {
    public InputSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
    }

    public static InputSpec of(Path path, InputFormat format) {
        return new InputSpec(path, format, null, null);
    }
}
