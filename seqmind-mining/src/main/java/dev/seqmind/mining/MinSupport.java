package dev.seqmind.mining;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * A minimum support given either as a fraction of the number of sequences (SPMF's convention: absolute =
 * {@code ceil(fraction * n)}, at least 1) or as an absolute count. Exactly one of the two is meaningful:
 * {@code fraction} is {@code NaN} when {@code count} is used, {@code count} is 0 when {@code fraction} is used.
 */
public record MinSupport(double fraction, long count) {
    public MinSupport {
        if (Double.isNaN(fraction)) {
            if (count < 1) {
                throw new InvalidParameterException("minSupport", count, ">= 1 as an absolute count");
            }
        } else if (!(fraction > 0 && fraction <= 1)) {
            throw new InvalidParameterException("minSupport", fraction, "in (0, 1] as a fraction",
                    "give an integer such as 50 for an absolute count");
        }
    }

    public static MinSupport fraction(double value) {
        return new MinSupport(value, 0);
    }

    public static MinSupport count(long value) {
        return new MinSupport(Double.NaN, value);
    }

    /**
     * Parses {@code "0.01"} as a fraction and {@code "50"} as an absolute count ({@code "1"} means the absolute count
     * 1; write {@code "1.0"} for 100%).
     */
    public static MinSupport parse(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d+")) {
                return count(Long.parseLong(t));
            }
            return fraction(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("minSupport", text, "a fraction in (0, 1] or a positive count",
                    "e.g. 0.01 or 50");
        }
    }

    /** The absolute support over {@code n} sequences: {@code ceil(fraction * n)} (at least 1), or the count. */
    public long absolute(long n) {
        if (Double.isNaN(fraction)) {
            return count;
        }
        // Guard against 0.03 * 100 = 3.0000000000000004 rounding up to 4.
        double raw = fraction * n;
        long rounded = Math.round(raw);
        long abs = Math.abs(raw - rounded) < 1e-9 ? rounded : (long) Math.ceil(raw);
        return Math.max(1, abs);
    }

    @Override
    public String toString() {
        return Double.isNaN(fraction) ? Long.toString(count) : Double.toString(fraction);
    }
}
