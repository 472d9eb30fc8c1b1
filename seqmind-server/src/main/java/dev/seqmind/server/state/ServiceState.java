package dev.seqmind.server.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.server.live.ItemDictionary;
import dev.seqmind.server.live.LiveSequences;
import dev.seqmind.server.live.RecentPopularity;
import dev.seqmind.server.model.ModelRegistry;
import dev.seqmind.server.model.RuleIndex;
import dev.seqmind.server.model.ServedModel;
import dev.seqmind.server.store.Event;
import dev.seqmind.server.store.EventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;

/**
 * Everything the route groups share: the store, live state, models, rules, the dataset's catalogue, limits and
 * meters. Also the store's commit listener, so live state follows every commit before it is acknowledged.
 * Thread-safe (each part is).
 */
public final class ServiceState implements EventStore.CommitListener {
    private final EventStore store;
    private final ItemDictionary items = new ItemDictionary();
    private final LiveSequences live;
    private final RecentPopularity popularity = new RecentPopularity(10_000);
    private final ModelRegistry models;
    private final RuleIndex rules;
    private final ItemCatalog catalog;
    private final Pseudonymizer pseudonymizer;
    private final Limits limits;
    private final PrometheusMeterRegistry meters;
    private final ObjectMapper json;
    private final Counter ingested;
    private volatile dev.seqmind.server.experiment.Experiments experiments;

    public ServiceState(EventStore store, int maxLength, ModelRegistry models, RuleIndex rules, ItemCatalog catalog,
                        Pseudonymizer pseudonymizer, Limits limits, PrometheusMeterRegistry meters, ObjectMapper json) {
        this.store = store;
        this.live = new LiveSequences(maxLength);
        this.models = models;
        this.rules = rules;
        this.catalog = catalog;
        this.pseudonymizer = pseudonymizer;
        this.limits = limits;
        this.meters = meters;
        this.json = json;
        this.ingested = Counter.builder("seqmind.events.ingested").description("events committed").register(meters);
    }

    /** Rebuilds live state from every stored event; returns how many were read. */
    public long rebuild() {
        long[] n = {0};
        store.scan((seq, user, item, action, ts) -> {
            apply(user, item);
            n[0]++;
        });
        return n[0];
    }

    @Override
    public void committed(List<Event> events) {
        for (Event e : events) {
            apply(e.user(), e.item());
        }
        ingested.increment(events.size());
        if (experiments != null) {
            experiments.observe(events);
        }
    }

    @Override
    public void erased(String user) {
        live.remove(user);
        models.list().forEach(m -> m.forget(user));
        if (experiments != null) {
            experiments.forget(user);
        }
        popularity.forget(user);
    }

    private void apply(String user, String item) {
        int id = items.idOrAdd(item);
        live.append(user, id);
        popularity.add(id, user);
    }

    /** The id under which {@code user} is stored: the pseudonym when pseudonymisation is on. */
    public String storedUser(String user) {
        return pseudonymizer == null ? user : pseudonymizer.pseudonym(user);
    }

    /** The title of {@code item}: the dataset's, else the model's, else "". */
    public String title(ServedModel model, String item) {
        String t = catalog.get(item).title();
        if (t.isEmpty() && model != null) {
            t = model.loaded().catalog().get(item).title();
        }
        return t;
    }

    public EventStore store() {
        return store;
    }

    public ItemDictionary items() {
        return items;
    }

    public LiveSequences live() {
        return live;
    }

    public RecentPopularity popularity() {
        return popularity;
    }

    public ModelRegistry models() {
        return models;
    }

    public RuleIndex rules() {
        return rules;
    }

    public ItemCatalog catalog() {
        return catalog;
    }

    public Limits limits() {
        return limits;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The experiments (A/B tests); set once at start, before the first request. */
    public dev.seqmind.server.experiment.Experiments experiments() {
        return experiments;
    }

    public void experiments(dev.seqmind.server.experiment.Experiments value) {
        experiments = value;
    }

    public boolean pseudonymized() {
        return pseudonymizer != null;
    }
}
