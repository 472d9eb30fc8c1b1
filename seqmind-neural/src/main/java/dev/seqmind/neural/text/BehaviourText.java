package dev.seqmind.neural.text;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;

/**
 * A user's recent behaviour as one sentence for the language model: the titles of the last {@code maxItems} items,
 * oldest first, e.g. {@code "Watched Heat, then Casino, then Goodfellas."}. Items without a title are named by their
 * id. Immutable and thread-safe.
 */
public final class BehaviourText {
    private final String[] labels;
    private final int maxItems;
    private final String verb;

    /**
     * @param verb what the user did, e.g. "Watched" or "Interacted with"
     */
    public BehaviourText(IdMap items, ItemCatalog catalog, int maxItems, String verb) {
        this.labels = new String[items.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = catalog.label(items.externalId(i)).strip();
        }
        this.maxItems = maxItems;
        this.verb = verb;
    }

    public int maxItems() {
        return maxItems;
    }

    public String verb() {
        return verb;
    }

    /** The sentence for {@code history} (dense ids, oldest first); "" for an empty history. */
    public String render(int[] history) {
        int from = Math.max(0, history.length - maxItems);
        if (from >= history.length) {
            return "";
        }
        StringBuilder b = new StringBuilder(verb).append(' ');
        for (int t = from; t < history.length; t++) {
            if (t > from) {
                b.append(", then ");
            }
            int item = history[t];
            b.append(item >= 0 && item < labels.length ? labels[item] : "an unknown item");
        }
        return b.append('.').toString();
    }
}
