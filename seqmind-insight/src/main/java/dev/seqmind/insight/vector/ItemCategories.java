package dev.seqmind.insight.vector;

import dev.seqmind.data.model.SequenceDataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The categories that matter most in a dataset and which of them each item carries. Only the most general level
 * of a category path counts: a category that refines another of the same item ({@code Sports/Outdoor} beside
 * {@code Sports}, {@code Books > Fiction} beside {@code Books}) is left out, so that sub-categories do not split
 * one interest into many. An event of an item with {@code c} remaining categories gives each of them weight
 * {@code 1/c}; the {@code max} categories of highest total weight are
 * kept (ties broken by name), and the rest fold into "other". An item's <em>primary</em> category is its first
 * listed one (the department in a category path, the first genre of a film), or {@link #OTHER} when that one was not
 * kept, or {@link #NONE} when the item has no category.
 *
 * <p>Immutable and thread-safe; arrays returned are the index's own and must not be modified.
 */
public final class ItemCategories {
    /** Primary category of an item whose first category is not among the kept ones. */
    public static final int OTHER = -2;
    /** Primary category of an item with no category at all. */
    public static final int NONE = -1;

    private final List<String> names;
    private final int[][] categoriesOf;
    private final int[] primary;

    private ItemCategories(List<String> names, int[][] categoriesOf, int[] primary) {
        this.names = names;
        this.categoriesOf = categoriesOf;
        this.primary = primary;
    }

    public static ItemCategories of(SequenceDataset data, int max) {
        int n = data.numItems();
        List<List<String>> cats = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cats.add(general(data.catalog().get(data.items().externalId(i)).categories()));
        }
        int[] counts = data.itemCounts();
        Map<String, Double> weight = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> c = cats.get(i);
            for (String name : c) {
                weight.merge(name, (double) counts[i] / c.size(), Double::sum);
            }
        }
        List<String> kept = weight.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < kept.size(); k++) {
            index.put(kept.get(k), k);
        }
        int[][] of = new int[n][];
        int[] primary = new int[n];
        for (int i = 0; i < n; i++) {
            List<String> c = cats.get(i);
            of[i] = c.stream().mapToInt(s -> index.getOrDefault(s, OTHER)).toArray();
            primary[i] = c.isEmpty() ? NONE : of[i][0];
        }
        return new ItemCategories(List.copyOf(kept), of, primary);
    }

    /** {@code categories} without those that refine another of them (a longer name extending it past a separator). */
    static List<String> general(List<String> categories) {
        if (categories.size() < 2) {
            return categories;
        }
        List<String> out = new ArrayList<>(categories.size());
        for (String c : categories) {
            boolean refines = false;
            for (String p : categories) {
                if (c.length() > p.length() && c.startsWith(p) && !Character.isLetterOrDigit(c.charAt(p.length()))) {
                    refines = true;
                    break;
                }
            }
            if (!refines) {
                out.add(c);
            }
        }
        return out;
    }

    /** The kept category names; category {@code k} is {@code names().get(k)}. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** True when some item has a category. */
    public boolean available() {
        return !names.isEmpty();
    }

    /** Item {@code item}'s categories as kept indices, {@link #OTHER} for the folded ones (in catalogue order). */
    public int[] of(int item) {
        return categoriesOf[item];
    }

    /** Item {@code item}'s primary category: a kept index, {@link #OTHER} or {@link #NONE}. */
    public int primary(int item) {
        return primary[item];
    }

    /**
     * Adds item {@code item}'s category weights ({@code 1/c} each) into {@code profile[0, size]}, where slot
     * {@code size()} collects "other".
     */
    public void addTo(int item, double[] profile) {
        int[] c = categoriesOf[item];
        for (int k : c) {
            profile[k < 0 ? names.size() : k] += 1.0 / c.length;
        }
    }

    @Override
    public String toString() {
        return "ItemCategories" + Arrays.toString(names.toArray());
    }
}
