package dev.seqmind.server.api;

import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.OcclusionExplainer;
import dev.seqmind.rec.Recommender;
import dev.seqmind.server.model.MinedRule;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.state.ServiceState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the explanation of each recommended item: the mined rules behind it (antecedent items all in the
 * history), the past events that contributed most (occlusion: the score drop when each recent item is left out,
 * one scored batch for the whole list), and one plain sentence. Stateless apart from the shared state.
 */
final class ExplanationViews {
    private static final OcclusionExplainer OCCLUSION = new OcclusionExplainer(10, 3);
    private final ServiceState state;

    ExplanationViews(ServiceState state) {
        this.state = state;
    }

    /** Explanations of {@code items} (model dense ids) after {@code history} (model dense ids), in order. */
    List<Map<String, Object>> explain(ServedModel m, int[] history, int[] items) {
        Recommender model = m.model();
        List<Explanation> occ = OCCLUSION.explainAll(model, history, items);
        Set<String> seen = new HashSet<>();
        for (int h : history) {
            seen.add(model.items().externalId(h));
        }
        List<Map<String, Object>> out = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            String item = model.items().externalId(items[i]);
            List<MinedRule> rules = state.rules().behind(seen, item, 2);
            List<Map<String, Object>> ruleViews = new ArrayList<>();
            for (MinedRule r : rules) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("rule", String.join(" then ", labels(m, r.antecedent())) + " => "
                        + String.join(", ", labels(m, r.consequent())));
                v.put("antecedent", r.antecedent());
                v.put("consequent", r.consequent());
                v.put("support", r.support());
                v.put("confidence", round(r.confidence()));
                v.put("lift", round(r.lift()));
                ruleViews.add(v);
            }
            List<Map<String, Object>> contributors = new ArrayList<>();
            for (int d : occ.get(i).evidence()) {
                String id = model.items().externalId(d);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("item", id);
                c.put("title", state.title(m, id));
                contributors.add(c);
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sentence", sentence(m, item, rules, contributors));
            e.put("rules", ruleViews);
            e.put("contributors", contributors);
            out.add(e);
        }
        return out;
    }

    private String sentence(ServedModel m, String item, List<MinedRule> rules, List<Map<String, Object>> contributors) {
        String what = quoted(m, item);
        if (!rules.isEmpty()) {
            MinedRule r = rules.getFirst();
            return String.format(Locale.ROOT, "Recommended because %.0f%% of users who had %s went on to %s.",
                    100 * r.confidence(), String.join(" and ", labels(m, r.antecedent()).stream()
                            .map(s -> "\"" + s + "\"").toList()), what);
        }
        if (!contributors.isEmpty()) {
            List<String> names = contributors.stream().map(c -> quoted(m, (String) c.get("item"))).toList();
            return "Recommended mostly because of " + String.join(" and ", names) + " in the recent history.";
        }
        return "Recommended by " + m.name() + " from the history as a whole.";
    }

    private String quoted(ServedModel m, String item) {
        String t = state.title(m, item);
        return "\"" + (t.isEmpty() ? item : t) + "\"";
    }

    private List<String> labels(ServedModel m, List<String> ids) {
        return ids.stream().map(id -> {
            String t = state.title(m, id);
            return t.isEmpty() ? id : t;
        }).toList();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
