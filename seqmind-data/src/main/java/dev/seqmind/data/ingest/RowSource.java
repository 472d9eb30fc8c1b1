package dev.seqmind.data.ingest;

import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.read.InputFiles;

import java.io.IOException;

/**
 * Something rows of events are read from into an {@link EventCollector}: a log file, or another system's event log
 * (the server's store implements this on its side, so this module needs no database driver).
 */
public interface RowSource {
    /** Reads every row into {@code out}; starts its own "file" there so drops are located in it. */
    void read(EventCollector out) throws IOException;

    /**
     * What was read, for the dataset's list of sources (called after {@link #read}); a store adds the range of its
     * sequence numbers read, so the next append starts after it.
     */
    String describe();

    /** A log file read with its format's reader. */
    static RowSource of(InputSpec in) {
        return new RowSource() {
            @Override
            public void read(EventCollector out) throws IOException {
                InputFiles.requireExists(in.path());
                in.format().reader(in.columns(), in.time()).read(in.path(), out);
            }

            @Override
            public String describe() {
                return in.path().toString();
            }
        };
    }
}
