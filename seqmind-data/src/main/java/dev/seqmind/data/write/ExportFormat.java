package dev.seqmind.data.write;

/** The formats {@code seqmind export} writes. */
public enum ExportFormat {
    /** SPMF sequence database ({@code -1}/{@code -2}); events with equal times form one itemset. */
    SPMF,
    /** RecBole atomic files {@code <name>.inter} and {@code <name>.item}. */
    RECBOLE,
    /** SASRec/BERT4Rec {@code user item} lines with 1-based integer ids, plus the id mapping files. */
    SASREC,
    /** One user per line, {@code user item1 item2 ...} (S3-Rec), 1-based integer ids, plus the id mapping files. */
    SEQUENCES
}
