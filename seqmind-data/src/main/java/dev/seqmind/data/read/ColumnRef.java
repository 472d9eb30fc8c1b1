package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;

import java.util.List;

/**
 * A column named by its header name or by its 0-based index. Parses {@code "user_id"} as a name and {@code "3"} or
 * {@code "#3"} as an index. A name may list alternatives separated by {@code |} ({@code "user|user_id|uid"}): the
 * first one present in the header wins.
 */
public record ColumnRef(String name, int index, boolean optional) {
    /** Returned by {@link #resolve} for an optional column that the header lacks. */
    public static final int MISSING = -1;

    public static ColumnRef byName(String name) {
        return new ColumnRef(name, -1, false);
    }

    public static ColumnRef byIndex(int index) {
        return new ColumnRef(null, index, false);
    }

    /** This column, but absent columns resolve to {@link #MISSING} instead of failing. */
    public ColumnRef asOptional() {
        return new ColumnRef(name, index, true);
    }

    public static ColumnRef parse(String spec) {
        String s = spec.startsWith("#") ? spec.substring(1) : spec;
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return byIndex(Integer.parseInt(s));
        }
        return byName(spec);
    }

    /** The column's index in {@code header} (null when the file has none). */
    public int resolve(List<String> header, String file, String role) {
        if (name == null) {
            return index;
        }
        if (header == null) {
            if (optional) {
                return MISSING;
            }
            throw new InputFormatException(file, 1, role, "column '" + name
                    + "' is named, but the file has no header: give its 0-based index instead");
        }
        for (String alternative : name.split("\\|")) {
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).trim();
                int colon = h.indexOf(':'); // RecBole atomic files name columns "user_id:token"
                if (h.equalsIgnoreCase(alternative)
                        || (colon > 0 && h.substring(0, colon).equalsIgnoreCase(alternative))) {
                    return i;
                }
            }
        }
        if (optional) {
            return MISSING;
        }
        throw new InputFormatException(file, 1, role, "no column '" + name + "' in the header " + header
                + ": is the delimiter right?");
    }

    @Override
    public String toString() {
        return name != null ? name : "#" + index;
    }
}
