package dev.seqmind.data.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.Locale;

/** Renders {@link DatasetStats} as aligned text for a terminal or as JSON. Stateless. */
public final class StatsRenderer {
    private static final int BAR = 40;

    private StatsRenderer() {
    }

    /** Pretty-printed JSON with every field of the records (Jackson's record support). */
    public static String json(DatasetStats s) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of plain values always serialise", e);
        }
    }

    /** Aligned, human-readable text ending in a newline. */
    public static String text(DatasetStats s) {
        StringBuilder b = new StringBuilder();
        line(b, "dataset", s.name());
        line(b, "users", fmt("%,d", s.users()));
        line(b, "items", fmt("%,d", s.items()));
        line(b, "interactions", fmt("%,d", s.interactions()));
        line(b, "density", fmt("%.4f%%", 100 * s.density()));
        DatasetStats.LengthStats l = s.lengths();
        line(b, "sequence length", fmt("min %,d  median %,.1f  mean %,.1f  p90 %,.1f  p99 %,.1f  max %,d", l.min(),
                l.median(), l.mean(), l.p90(), l.p99(), l.max()));
        long most = l.histogram().stream().mapToLong(DatasetStats.Bucket::users).max().orElse(0);
        for (DatasetStats.Bucket k : l.histogram()) {
            String range = k.from() == k.to() ? fmt("%,d", k.from()) : fmt("%,d-%,d", k.from(), k.to());
            int width = most == 0 ? 0 : (int) Math.round(BAR * (double) k.users() / most);
            b.append(fmt("  %17s %12s users  %s%n", range, fmt("%,d", k.users()),
                    "#".repeat(width == 0 && k.users() > 0 ? 1 : width)));
        }
        DatasetStats.PopularityStats p = s.popularity();
        line(b, "item popularity", fmt("top 1%% of items %.1f%% of events, top 10%% %.1f%%, top 20%% %.1f%%",
                100 * p.top1PercentShare(), 100 * p.top10PercentShare(), 100 * p.top20PercentShare()));
        line(b, "", fmt("Gini %.3f, most popular item %,d events, %,d items without events", p.gini(),
                p.maxItemEvents(), p.itemsWithoutEvents()));
        int nameWidth = s.actions().stream().mapToInt(a -> a.action().length()).max().orElse(0);
        boolean firstAction = true;
        for (DatasetStats.ActionCount a : s.actions()) {
            line(b, firstAction ? "actions" : "", fmt("%-" + Math.max(1, nameWidth) + "s %,14d  %5.1f%%", a.action(),
                    a.events(), 100 * a.share()));
            firstAction = false;
        }
        if (s.actions().isEmpty()) {
            line(b, "actions", "none");
        }
        DatasetStats.TimeSpan t = s.time();
        if (s.interactions() == 0) {
            line(b, "time span", "no events");
        } else if (t.firstIso().isEmpty()) {
            line(b, "time span", fmt("%s %,d .. %,d (no clock: positions)", t.kind(), t.first(), t.last()));
        } else {
            line(b, "time span", fmt("%s .. %s (%.1f days)", t.firstIso(), t.lastIso(), t.days()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(fmt("%-17s %s%n", label, value));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
