package dev.seqmind.data.collect;

/**
 * Recognises ids written as canonical decimal numbers ({@code 0} or a non-zero digit followed by digits, at most 18
 * digits, optionally with a leading minus), whose text round-trips through {@link Long#toString(long)}. Anything
 * else ({@code 007}, {@code +1}, {@code 1e3}) is a string id.
 */
public final class CanonicalNumber {
    /** Returned for text that is not canonical; not a value any canonical text produces. */
    public static final long NOT_CANONICAL = Long.MIN_VALUE;

    private CanonicalNumber() {
    }

    public static long parse(CharSequence s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        int digits = n - i;
        if (digits < 1 || digits > 18 || (s.charAt(i) == '0' && (digits > 1 || negative))) {
            return NOT_CANONICAL;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return NOT_CANONICAL;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** The same for ASCII bytes {@code buf[from, to)}. */
    public static long parse(byte[] buf, int from, int to) {
        int i = from;
        boolean negative = false;
        if (to > from && buf[from] == '-') {
            negative = true;
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > 18 || (buf[i] == '0' && (digits > 1 || negative))) {
            return NOT_CANONICAL;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_CANONICAL;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }
}
