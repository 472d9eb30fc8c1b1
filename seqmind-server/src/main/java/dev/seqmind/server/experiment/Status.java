package dev.seqmind.server.experiment;

import java.util.Locale;

/** An experiment's life: created (defined, serving nobody), running (bucketing and counting), stopped (final). */
public enum Status {
    CREATED, RUNNING, STOPPED;

    /** The lower-case name used in JSON and the database. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
