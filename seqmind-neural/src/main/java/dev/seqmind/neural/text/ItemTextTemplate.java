package dev.seqmind.neural.text;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an item's metadata becomes one text for the language model. Placeholders in braces take the item's fields:
 * {@code {title}}, {@code {genres}} or {@code {categories}} (joined by ", "), {@code {text}}, {@code {id}}, or any
 * attribute by name (e.g. {@code {release_year}} from a RecBole {@code .item} column). A part in square brackets is
 * kept only when every placeholder in it has a value, so {@code "{title}[. Genres: {genres}]"} gives
 * {@code "Heat. Genres: Action, Crime"} or just {@code "Heat"}. An item none of whose placeholders (outside
 * {@code {id}}) has a value gets no text, and content models treat it as having no content (counted, never a vector
 * made from the template's literal words).
 *
 * <p>Worked example: {@code "{title}. Genres: {genres}"} with title "Toy Story (1995)" and categories [Animation,
 * Comedy] renders {@code "Toy Story (1995). Genres: Animation, Comedy"}. Immutable and thread-safe.
 */
public final class ItemTextTemplate {
    /** Title, then genres and free text where the item has them. */
    public static final String DEFAULT = "{title}[. Genres: {genres}][. {text}]";

    private final String source;
    private final List<Part> parts;

    private sealed interface Part permits Literal, Field, Optional {
    }

    private record Literal(String text) implements Part {
    }

    private record Field(String name) implements Part {
    }

    private record Optional(List<Part> parts) implements Part {
    }

    private ItemTextTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    /**
     * Parses a template.
     *
     * @throws InvalidParameterException for an unclosed brace or bracket, a nested bracket, an empty placeholder,
     *                                   or a template without any placeholder
     */
    public static ItemTextTemplate parse(String template) {
        Objects.requireNonNull(template, "template");
        List<Part> top = new ArrayList<>();
        List<Part> group = null;
        StringBuilder lit = new StringBuilder();
        int fields = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            List<Part> into = group != null ? group : top;
            if (c == '{') {
                int close = template.indexOf('}', i);
                String name = close < 0 ? "" : template.substring(i + 1, close).trim();
                if (close < 0 || name.isEmpty() || name.contains("{")) {
                    throw bad(template, "a '{' at " + i + " without a name and a closing '}'");
                }
                flush(lit, into);
                into.add(new Field(name));
                fields++;
                i = close;
            } else if (c == '[') {
                if (group != null) {
                    throw bad(template, "a '[' at " + i + " inside another bracket");
                }
                flush(lit, top);
                group = new ArrayList<>();
            } else if (c == ']') {
                if (group == null) {
                    throw bad(template, "a ']' at " + i + " without its '['");
                }
                flush(lit, group);
                top.add(new Optional(List.copyOf(group)));
                group = null;
            } else if (c == '}') {
                throw bad(template, "a '}' at " + i + " without its '{'");
            } else {
                lit.append(c);
            }
        }
        if (group != null) {
            throw bad(template, "an unclosed '['");
        }
        flush(lit, top);
        if (fields == 0) {
            throw bad(template, "no placeholder");
        }
        return new ItemTextTemplate(template, List.copyOf(top));
    }

    private static InvalidParameterException bad(String template, String problem) {
        return new InvalidParameterException("item text template", "'" + template + "'",
                "placeholders like {title} and optional parts in [...]", problem);
    }

    private static void flush(StringBuilder lit, List<Part> into) {
        if (!lit.isEmpty()) {
            into.add(new Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    public String source() {
        return source;
    }

    /** The item's text, or "" when none of its placeholders has a value. */
    public String render(String itemId, ItemMetadata m) {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (Part p : parts) {
            if (p instanceof Optional o) {
                StringBuilder g = new StringBuilder();
                boolean complete = true;
                for (Part q : o.parts()) {
                    if (q instanceof Field f) {
                        String v = value(f.name(), itemId, m);
                        complete &= !v.isEmpty();
                        g.append(v);
                    } else {
                        g.append(((Literal) q).text());
                    }
                }
                if (complete) {
                    out.append(g);
                    any |= hasContentField(o.parts());
                }
            } else if (p instanceof Field f) {
                String v = value(f.name(), itemId, m);
                any |= !v.isEmpty() && !f.name().equals("id");
                out.append(v);
            } else {
                out.append(((Literal) p).text());
            }
        }
        return any ? out.toString().strip() : "";
    }

    private static boolean hasContentField(List<Part> parts) {
        return parts.stream().anyMatch(q -> q instanceof Field f && !f.name().equals("id"));
    }

    private static String value(String field, String itemId, ItemMetadata m) {
        return switch (field) {
            case "id" -> itemId;
            case "title" -> m.title().strip();
            case "genres", "categories" -> String.join(", ", m.categories());
            case "text" -> m.text().strip();
            default -> m.attributes().getOrDefault(field, "").strip();
        };
    }

    /** Texts of every item of {@code items} (dense id order) from {@code catalog}; "" where an item has none. */
    public ItemTexts renderAll(IdMap items, ItemCatalog catalog) {
        String[] texts = new String[items.size()];
        int missing = 0;
        for (int i = 0; i < texts.length; i++) {
            String id = items.externalId(i);
            texts[i] = render(id, catalog.get(id));
            missing += texts[i].isEmpty() ? 1 : 0;
        }
        return new ItemTexts(texts, missing);
    }

    @Override
    public String toString() {
        return source;
    }

    /**
     * Item texts by dense id.
     *
     * @param texts   one text per item, "" for an item without content
     * @param missing items without content
     */
    public record ItemTexts(String[] texts, int missing) {
    }
}
