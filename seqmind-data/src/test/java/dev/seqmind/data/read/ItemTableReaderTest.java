package dev.seqmind.data.read;

import dev.seqmind.data.model.ItemMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemTableReaderTest {
    @Test
    void recBoleItemFieldsBeyondTitleAndGenresBecomeAttributes(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("ml.item"), """
                item_id:token\tmovie_title:token_seq\trelease_year:token\tgenre:token_seq
                1\tToy Story\t1995\tAnimation Comedy
                2\tHeat\t\tAction
                """);
        var catalog = ItemTableReader.recBoleItems("movie_title", "genre").read(f);
        assertThat(catalog.get("1")).isEqualTo(new ItemMetadata("Toy Story", List.of("Animation", "Comedy"), "",
                Map.of("release_year", "1995")));
        assertThat(catalog.get("2").attributes()).isEmpty();   // empty cells are unknown, not ""
    }

    @Test
    void movieLensMoviesWithoutHeaderHaveNoAttributes(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("movies.dat"), "1::Toy Story (1995)::Animation|Children's\n");
        assertThat(ItemTableReader.movieLensMovies().read(f).get("1")).isEqualTo(new ItemMetadata(
                "Toy Story (1995)", List.of("Animation", "Children's"), "", Map.of()));
    }
}
