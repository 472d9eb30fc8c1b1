package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** Checks free text in request bodies (queries, item titles and descriptions): a string, not blank, bounded. */
final class FreeText {
    private FreeText() {
    }

    /**
     * {@code v} as text of at most {@code maxChars} characters without control characters (tabs and line breaks
     * included: free text here is one line).
     *
     * @throws ApiException 400 naming {@code field}
     */
    static String of(JsonNode v, String field, int maxChars) {
        if (v == null || !v.isTextual()) {
            throw ApiException.badRequest(field, "must be a string of free text");
        }
        String s = v.asText();
        if (s.isBlank()) {
            throw ApiException.badRequest(field, "must not be blank");
        }
        if (s.length() > maxChars) {
            throw ApiException.badRequest(field, "longer than " + maxChars + " characters (" + s.length() + ")");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                throw ApiException.badRequest(field, String.format(Locale.ROOT,
                        "control character U+%04X at position %d", (int) c, i));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))) {
                throw ApiException.badRequest(field, "broken UTF-16 at position " + i);
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return s;
    }
}
