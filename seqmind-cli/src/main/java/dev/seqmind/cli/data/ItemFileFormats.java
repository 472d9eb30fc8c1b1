package dev.seqmind.cli.data;

import dev.seqmind.data.read.AttributesJsonReader;
import dev.seqmind.data.read.ColumnRef;
import dev.seqmind.data.read.HeaderMode;
import dev.seqmind.data.read.ItemCatalogReader;
import dev.seqmind.data.read.ItemTableReader;
import dev.seqmind.data.read.Ml100kItemReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the reader of an item metadata file from its name. */
final class ItemFileFormats {
    private static final String ID = "item_id|item|itemid|sas_item_id|movie_id|movieid|product_id|id";
    private static final String TITLE = "title|movie_title|name|item_name|product_name";
    private static final String CATEGORIES = "categories|category|genres|genre|class";

    private ItemFileFormats() {
    }

    static ItemCatalogReader readerFor(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (n.equals("u.item")) {
            return new Ml100kItemReader();
        }
        if (n.endsWith(".dat")) {
            return ItemTableReader.movieLensMovies();
        }
        if (n.endsWith(".json")) {
            return new AttributesJsonReader();
        }
        String delimiter = n.endsWith(".csv") ? "," : "\t";
        String separator = n.endsWith(".item") ? " " : "[|;]";
        return new ItemTableReader(delimiter, HeaderMode.PRESENT, StandardCharsets.UTF_8, ColumnRef.byName(ID),
                ColumnRef.byName(TITLE).asOptional(), ColumnRef.byName(CATEGORIES).asOptional(), separator, null);
    }
}
