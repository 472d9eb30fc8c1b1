package dev.seqmind.cli.data;

import dev.seqmind.data.read.InputFormat;

import java.util.Iterator;

/** The values {@code --format} accepts, for help text and completion. */
public final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return InputFormat.names().iterator();
    }
}
