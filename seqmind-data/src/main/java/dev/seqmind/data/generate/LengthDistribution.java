package dev.seqmind.data.generate;

/** How user activity (sequence length) is skewed. */
public enum LengthDistribution {
    /** Lengths proportional to {@code exp(skew * N(0,1))}: a log-normal body, the usual shape of activity logs. */
    LOG_NORMAL,
    /** Lengths proportional to {@code 1 / rank^skew} over a random ranking of users: a heavier head. */
    ZIPF
}
