package dev.seqmind.cli.mine;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One rule of any kind, ready to print: sides as dense ids, the arrow that says how the sides relate, and its
 * measures ({@code NaN} for a measure the rule kind lacks).
 */
record RuleRow(int[] left, String arrow, int[] right, long support, double confidence, double lift, double leverage) {

    /** Sort keys of {@code --sort}. */
    enum SortKey { CONFIDENCE, LIFT, SUPPORT }

    static Comparator<RuleRow> order(SortKey key) {
        Comparator<RuleRow> c = switch (key) {
            case CONFIDENCE -> Comparator.comparingDouble(RuleRow::confidence);
            case LIFT -> Comparator.comparingDouble(RuleRow::lift);
            case SUPPORT -> Comparator.comparingLong(RuleRow::support);
        };
        return c.reversed().thenComparing(Comparator.comparingLong(RuleRow::support).reversed());
    }

    /** Prints rows in the chosen format; the human format honours --limit and --grep. */
    static void print(PrintWriter pw, List<RuleRow> rows, MineOutput out, IdMap ids, ItemCatalog catalog, long n) {
        switch (out.format) {
            case TSV, SPMF -> {
                pw.println("antecedent\tconsequent\tsupport\trelative_support\tconfidence\tlift\tleverage");
                for (RuleRow r : rows) {
                    pw.printf(Locale.ROOT, "%s\t%s\t%d\t%.6f\t%.6f\t%.6f\t%s%n", labels(r.left, ids),
                            labels(r.right, ids), r.support, r.support / (double) n, r.confidence, r.lift,
                            Double.isNaN(r.leverage) ? "" : String.format(Locale.ROOT, "%.6f", r.leverage));
                }
            }
            case JSONL -> {
                for (RuleRow r : rows) {
                    pw.printf(Locale.ROOT, "{\"antecedent\":%s,\"consequent\":%s,\"ordered\":%s,\"support\":%d,"
                                    + "\"confidence\":%.6f,\"lift\":%.6f%s}%n", json(r.left, ids), json(r.right, ids),
                            r.arrow.equals("->"), r.support, r.confidence, r.lift,
                            Double.isNaN(r.leverage) ? "" : String.format(Locale.ROOT, ",\"leverage\":%.6f", r.leverage));
                }
            }
            case HUMAN -> {
                pw.printf("%8s %6s %6s  rule%n", "support", "conf", "lift");
                int shown = 0;
                for (RuleRow r : rows) {
                    // A next-item rule reads as an ordered chain, a sequential rule as two sets: they are counted
                    // differently (docs/mining.md) and must not look alike.
                    String text = r.arrow.equals("->")
                            ? "next-item rule " + MineOutput.describeAll(ids, catalog, r.left, " > ") + " -> "
                                    + MineOutput.describeAll(ids, catalog, r.right)
                            : "{" + MineOutput.describeAll(ids, catalog, r.left) + "} " + r.arrow + " {"
                                    + MineOutput.describeAll(ids, catalog, r.right) + "}";
                    if (!out.matches(text)) {
                        continue;
                    }
                    pw.printf(Locale.ROOT, "%8d %6.3f %6.2f  %s%n", r.support, r.confidence, r.lift, text);
                    if (out.limitReached(pw, ++shown)) {
                        break;
                    }
                }
            }
        }
        pw.flush();
    }

    private static String labels(int[] items, IdMap ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "" : " ").append(ids.externalId(items[i]));
        }
        return sb.toString();
    }

    private static String json(int[] items, IdMap ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(ids.externalId(items[i]).replace("\\", "\\\\")
                    .replace("\"", "\\\"")).append('"');
        }
        return sb.append(']').toString();
    }
}
