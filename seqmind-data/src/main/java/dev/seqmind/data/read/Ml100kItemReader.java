package dev.seqmind.data.read;

import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.data.model.ItemMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MovieLens 100K {@code u.item}: {@code id|title|release date|video release date|IMDb URL|19 genre flags}, latin-1.
 * Genre names come from {@code u.genre} beside it when present, else they are "genre0".."genre18".
 */
public final class Ml100kItemReader implements ItemCatalogReader {
    private static final int FIRST_FLAG = 5;

    @Override
    public ItemCatalog read(Path file) throws IOException {
        List<String> genres = genreNames(file.resolveSibling("u.genre"));
        FieldSplitter f = new FieldSplitter("|", false);
        Map<String, ItemMetadata> out = new LinkedHashMap<>();
        try (LineReader lines = new LineReader(InputFiles.open(file))) {
            while (lines.next()) {
                int n = f.split(lines.buffer(), lines.start(), lines.end());
                if (n < 2 || f.isEmpty(0)) {
                    continue;
                }
                List<String> cats = new ArrayList<>();
                for (int i = FIRST_FLAG; i < n; i++) {
                    if (f.canonical(i) == 1) {
                        int g = i - FIRST_FLAG;
                        cats.add(g < genres.size() ? genres.get(g) : "genre" + g);
                    }
                }
                out.put(f.string(0, StandardCharsets.ISO_8859_1), new ItemMetadata(
                        f.string(1, StandardCharsets.ISO_8859_1), cats, "", Map.of()));
            }
        }
        return new ItemCatalog(out);
    }

    private static List<String> genreNames(Path genreFile) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isRegularFile(genreFile)) {
            return names;
        }
        for (String line : Files.readAllLines(genreFile, StandardCharsets.ISO_8859_1)) {
            int bar = line.lastIndexOf('|');
            if (bar > 0) {
                int idx = Integer.parseInt(line.substring(bar + 1).trim());
                while (names.size() <= idx) {
                    names.add("genre" + names.size());
                }
                names.set(idx, line.substring(0, bar));
            }
        }
        return names;
    }
}
