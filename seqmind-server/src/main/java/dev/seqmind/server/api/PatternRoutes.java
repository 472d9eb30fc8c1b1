package dev.seqmind.server.api;

import dev.seqmind.server.model.MinedRule;
import dev.seqmind.server.model.RuleIndex;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /v1/patterns?item=&min_confidence=&sort=lift&limit=}: the mined sequential rules, filtered and sorted. */
public final class PatternRoutes implements ApiRoutes {
    private final ServiceState state;

    public PatternRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.get("/v1/patterns", Role.READ, this::patterns);
    }

    private Reply patterns(Call call) {
        String item = QueryParams.text(call, "item");
        double minConfidence = QueryParams.decimal(call, "min_confidence", 0, 0, 1);
        int limit = QueryParams.integer(call, "limit", 50, 1, 10_000);
        String sortText = call.query("sort");
        RuleIndex.Sort sort;
        try {
            sort = sortText == null ? RuleIndex.Sort.LIFT : RuleIndex.Sort.valueOf(sortText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("sort", "must be lift, confidence or support");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MinedRule r : state.rules().query(item, minConfidence, sort, limit)) {
            rows.add(row(state, r));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_rules", state.rules().size());
        out.put("patterns", rows);
        return Reply.ok(out);
    }

    /** A rule as the API shows it: items, their titles, support, confidence and lift. */
    static Map<String, Object> row(ServiceState state, MinedRule r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("antecedent", r.antecedent());
        row.put("consequent", r.consequent());
        row.put("antecedent_titles", r.antecedent().stream().map(i -> state.title(null, i)).toList());
        row.put("consequent_titles", r.consequent().stream().map(i -> state.title(null, i)).toList());
        row.put("support", r.support());
        row.put("confidence", r.confidence());
        row.put("lift", r.lift());
        return row;
    }
}
