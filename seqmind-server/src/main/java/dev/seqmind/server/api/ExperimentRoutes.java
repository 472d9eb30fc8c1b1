package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.rec.abtest.AbAnalysis;
import dev.seqmind.server.experiment.Definition;
import dev.seqmind.server.experiment.Experiment;
import dev.seqmind.server.experiment.InvalidDefinitionException;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.ServiceState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Online A/B tests: {@code POST /v1/experiments} defines one, {@code POST /v1/experiments/{id}/start} and
 * {@code .../stop} run and end it (role admin); {@code GET /v1/experiments} and {@code GET /v1/experiments/{id}}
 * give per variant exposures, CTR and conversion rate with 95% Wilson intervals, and the verdict of the always-valid
 * sequential test (role read). Every GET is a look; looking is safe at any time.
 */
public final class ExperimentRoutes implements ApiRoutes {
    private final ServiceState state;

    public ExperimentRoutes(ServiceState state) {
        this.state = state;
    }

    @Override
    public void register(RouteTable t) {
        t.post("/v1/experiments", Role.ADMIN, this::create);
        t.post("/v1/experiments/{id}/start", Role.ADMIN, c -> view(refusing(() -> state.experiments()
                .start(c.path("id")))));
        t.post("/v1/experiments/{id}/stop", Role.ADMIN, c -> view(refusing(() -> state.experiments()
                .stop(c.path("id")))));
        t.get("/v1/experiments", Role.READ, this::list);
        t.get("/v1/experiments/{id}", Role.READ, c -> view(refusing(() -> state.experiments().get(c.path("id"))
                .orElseThrow(() -> new NoSuchElementException("no experiment '" + c.path("id") + "'")))));
    }

    private Reply create(Call call) {
        JsonNode body = Bodies.object(call, state.json(), 64 * 1024);
        Experiment e = refusing(() -> state.experiments().create(body));
        return new Reply(201, describe(e), "application/json");
    }

    private Reply list(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Experiment e : state.experiments().list()) {
            rows.add(describe(e));
        }
        return Reply.ok(Map.of("experiments", rows));
    }

    private static Reply view(Experiment e) {
        return Reply.ok(describe(e));
    }

    private static Experiment refusing(Supplier<Experiment> action) {
        try {
            return action.get();
        } catch (InvalidDefinitionException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("id", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "conflict", "id", e.getMessage());
        }
    }

    /** The shape the dashboard reads. */
    static Map<String, Object> describe(Experiment e) {
        Definition d = e.definition();
        AbAnalysis.Result r = e.look();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("name", d.name());
        out.put("status", e.status().text());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < d.variants().size(); i++) {
            AbAnalysis.ArmStats a = r.arms().get(i);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", a.name());
            v.put("model", d.variants().get(i).model());
            v.put("share", d.variants().get(i).share());
            v.put("exposures", a.exposures());
            v.put("clicks", a.clicks());
            v.put("ctr", a.ctr());
            v.put("ctr_ci", a.ctrCi().toArray());
            v.put("conversions", a.conversions());
            v.put("conversion_rate", a.conversionRate());
            v.put("conversion_ci", a.conversionCi().toArray());
            variants.add(v);
        }
        out.put("variants", variants);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("winner", r.verdict().winner());
        verdict.put("p_value", r.verdict().pValue());
        verdict.put("decision", r.verdict().decision());
        verdict.put("text", r.verdict().text());
        out.put("verdict", verdict);
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (AbAnalysis.Comparison c : r.comparisons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("control", c.control());
            m.put("variant", c.variant());
            m.put("ctr_difference", c.difference());
            m.put("ctr_difference_ci", c.differenceCi().toArray());
            m.put("p_value", c.pValue());
            comparisons.add(m);
        }
        out.put("comparisons", comparisons);
        out.put("test", "mSPRT, normal mixture on the CTR difference, mixing sd " + d.mixingSd() + ", alpha "
                + d.alpha() + "; 95% Wilson intervals");
        out.put("attribution_window_seconds", d.windowMillis() / 1000);
        out.put("click_actions", d.clickActions());
        out.put("conversion_actions", d.conversionActions());
        out.put("created_at", Instant.ofEpochMilli(d.createdAt()).toString());
        out.put("started_at", e.startedAt() == 0 ? null : Instant.ofEpochMilli(e.startedAt()).toString());
        out.put("stopped_at", e.stoppedAt() == 0 ? null : Instant.ofEpochMilli(e.stoppedAt()).toString());
        return out;
    }
}
