package dev.seqmind.data.collect;

/**
 * Tells whether a decoded id or action is text a person could have meant. Two faults are caught: control characters
 * (a NUL byte, a stray carriage return) and invalid encoding, which decoding turns into U+FFFD. Both come from broken
 * exports, never from real ids, and would otherwise become new users, items or action types. Stateless.
 */
public final class TextCheck {
    /** Drop class for ids and actions with a control character. */
    public static final String CONTROL = "control character in id or action";
    /** Drop class for ids and actions whose bytes are not valid in the file's encoding. */
    public static final String ENCODING = "invalid UTF-8 in id or action";
    /** Warning class for ids of digits too long for a number: kept as text. */
    public static final String LONG_NUMBER = "numeric id over 18 digits (kept as text)";
    /** Warning class for categories with a control character or invalid encoding: the category is ignored. */
    public static final String BAD_CATEGORY = "unreadable category (ignored)";

    private static final char REPLACEMENT = '\uFFFD';

    private TextCheck() {
    }

    /** The drop class of {@code s}, or null when it is clean text. */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return CONTROL;
            }
            if (c == REPLACEMENT) {
                return ENCODING;
            }
        }
        return null;
    }

    /** What is wrong with {@code s}, with the offending character's position, for a report line. */
    public static String describe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return String.format("control character U+%04X at position %d", (int) c, i + 1);
            }
            if (c == REPLACEMENT) {
                return "bytes that are not valid text at position " + (i + 1);
            }
        }
        return "clean";
    }

    /** True for a run of more than 18 digits: a number in the log that no {@code long} holds. */
    public static boolean isLongNumber(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() - start <= 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
