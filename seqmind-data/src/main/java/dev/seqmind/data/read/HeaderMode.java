package dev.seqmind.data.read;

/** Whether the first line of a tabular file names its columns. */
public enum HeaderMode {
    PRESENT,
    ABSENT,
    /** Present when the first line's user or item field is not a number while the second line's is. */
    AUTO
}
