package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item metadata in a delimited table: MovieLens {@code movies.dat} ({@code id::title::Genre|Genre}), RecBole
 * {@code .item}, the SASRec ML-1M titles TSV, a generated {@code items.csv}. Rows that lack the id are skipped.
 * In a table with a header, every other non-empty column is kept as an attribute named by its header (a RecBole
 * type suffix such as {@code :token} dropped), so templates can put e.g. {@code {release_year}} into item text.
 *
 * @param delimiter          field separator
 * @param header             whether the first line names the columns
 * @param charset            text encoding
 * @param id                 the item id column
 * @param title              the title column, or null
 * @param categories         the categories column, or null
 * @param categorySeparator  regex that splits the categories field ({@code "\\|"}, {@code " "})
 * @param text               a free-text column, or null
 */
public record ItemTableReader(String delimiter, HeaderMode header, Charset charset, ColumnRef id, ColumnRef title,
                              ColumnRef categories, String categorySeparator, ColumnRef text)
        implements ItemCatalogReader {

    /** MovieLens {@code movies.dat}. */
    public static ItemTableReader movieLensMovies() {
        return new ItemTableReader("::", HeaderMode.ABSENT, StandardCharsets.ISO_8859_1, ColumnRef.byIndex(0),
                ColumnRef.byIndex(1), ColumnRef.byIndex(2), "\\|", null);
    }

    /** A header table with {@code item_id}/{@code item}, {@code title}, {@code categories}/{@code genres} columns. */
    public static ItemTableReader withHeader(String delimiter, String idColumn, String titleColumn,
                                             String categoriesColumn, String separator) {
        return new ItemTableReader(delimiter, HeaderMode.PRESENT, StandardCharsets.UTF_8, ColumnRef.byName(idColumn),
                titleColumn == null ? null : ColumnRef.byName(titleColumn),
                categoriesColumn == null ? null : ColumnRef.byName(categoriesColumn), separator, null);
    }

    /** RecBole atomic {@code .item}: {@code item_id:token}, a title column and a {@code token_seq} genre column. */
    public static ItemTableReader recBoleItems(String titleColumn, String categoriesColumn) {
        return withHeader("\t", "item_id", titleColumn, categoriesColumn, " ");
    }

    @Override
    public ItemCatalog read(Path file) throws IOException {
        String name = file.toString();
        FieldSplitter f = new FieldSplitter(delimiter, !"::".equals(delimiter));
        Map<String, ItemMetadata> out = new LinkedHashMap<>();
        try (LineReader lines = new LineReader(InputFiles.open(file))) {
            List<String> headerNames = null;
            if (header == HeaderMode.PRESENT) {
                if (!lines.next()) {
                    throw new InputFormatException(name, 0, "", "the file is empty");
                }
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                headerNames = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    headerNames.add(f.string(i, charset).replace("\uFEFF", ""));
                }
            }
            int idCol = id.resolve(headerNames, name, "item");
            int titleCol = title == null ? -1 : title.resolve(headerNames, name, "title");
            int catCol = categories == null ? -1 : categories.resolve(headerNames, name, "categories");
            int textCol = text == null ? -1 : text.resolve(headerNames, name, "text");
            String[] attributeNames = attributeNames(headerNames, idCol, titleCol, catCol, textCol);
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                if (n <= idCol || f.isEmpty(idCol)) {
                    continue;
                }
                String item = f.string(idCol, charset);
                String t = titleCol >= 0 && titleCol < n ? f.string(titleCol, charset) : "";
                List<String> cats = catCol >= 0 && catCol < n ? split(f.string(catCol, charset)) : List.of();
                String tx = textCol >= 0 && textCol < n ? f.string(textCol, charset) : "";
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int c = 0; c < Math.min(n, attributeNames.length); c++) {
                    if (attributeNames[c] != null && !f.isEmpty(c)) {
                        attrs.put(attributeNames[c], f.string(c, charset).trim());
                    }
                }
                out.put(item, new ItemMetadata(t, cats, tx, attrs));
            }
        }
        return new ItemCatalog(out);
    }

    /** Attribute name per column (null for the id, title, categories and text columns); empty without a header. */
    private static String[] attributeNames(List<String> header, int... taken) {
        if (header == null) {
            return new String[0];
        }
        String[] out = new String[header.size()];
        for (int i = 0; i < out.length; i++) {
            final int col = i;
            if (java.util.Arrays.stream(taken).noneMatch(t -> t == col)) {
                String h = header.get(i).trim();
                int colon = h.indexOf(':');
                out[i] = colon > 0 ? h.substring(0, colon) : h;
                if (out[i].isEmpty()) {
                    out[i] = null;
                }
            }
        }
        return out;
    }

    private List<String> split(String value) {
        if (value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(categorySeparator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
