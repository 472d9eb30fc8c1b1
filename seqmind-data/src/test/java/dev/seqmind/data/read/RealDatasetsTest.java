package dev.seqmind.data.read;

import dev.seqmind.data.SharedData;
import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.Ingestor;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.progress.Progress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reader on a real benchmark file from ../shared/datasets, with the counts its SOURCES.md states. */
class RealDatasetsTest {
    private static IngestResult ingest(Path file, InputFormat format) throws IOException {
        return new Ingestor(Progress.NONE).run(IngestSpec.of(file.getFileName().toString(), InputSpec.of(file, format)));
    }

    @Test
    void sasrecMl1mHasTheStandardCounts() throws IOException {
        Path file = SharedData.file("ml-1m-sasrec/ml-1m.txt");
        assertThat(InputFormat.detect(file)).isEqualTo(InputFormat.SASREC);
        IngestResult r = ingest(file, InputFormat.SASREC);
        SequenceDataset d = r.dataset();
        assertThat(d.numUsers()).isEqualTo(6040);
        assertThat(d.numItems()).isEqualTo(3416);
        assertThat(d.numInteractions()).isEqualTo(999_611);
        assertThat(d.info().timeKind()).isEqualTo(TimeKind.ORDINAL);
        assertThat(r.report().rowsRead()).isEqualTo(999_611);
        // file order is kept: user 1 starts with items 1, 2, 3
        int u1 = d.users().denseId("1");
        assertThat(d.items().externalId(d.item(d.start(u1)))).isEqualTo("1");
        assertThat(d.items().externalId(d.item(d.start(u1) + 2))).isEqualTo("3");
    }

    @Test
    void ml100kWithTitlesAndGenres() throws IOException {
        Path file = SharedData.file("ml-100k-raw/u.data");
        assertThat(InputFormat.detect(file)).isEqualTo(InputFormat.ML100K);
        IngestSpec spec = IngestSpec.of("ml-100k", InputSpec.of(file, InputFormat.ML100K))
                .withItemFiles(List.of(new IngestSpec.ItemFile(file.resolveSibling("u.item"), new Ml100kItemReader())));
        SequenceDataset d = new Ingestor(Progress.NONE).run(spec).dataset();
        assertThat(d.numUsers()).isEqualTo(943);
        assertThat(d.numItems()).isEqualTo(1682);
        assertThat(d.numInteractions()).isEqualTo(100_000);
        assertThat(d.info().timeKind()).isEqualTo(TimeKind.EPOCH_MILLIS);
        assertThat(d.catalog().get("1").title()).isEqualTo("Toy Story (1995)");
        assertThat(d.catalog().get("1").categories()).containsExactly("Animation", "Children's", "Comedy");
        assertThat(d.actions().size()).isEqualTo(5); // ratings 1..5 are the actions
        // first timestamp of the data set: 1997-09-20 UTC
        long min = Long.MAX_VALUE;
        for (int i = 0; i < d.numInteractions(); i++) {
            min = Math.min(min, d.time(i));
        }
        assertThat(Instant.ofEpochMilli(min).toString()).startsWith("1997-09-20");
    }

    @Test
    void taobaoSampleHasFourActionsWithCategories() throws IOException {
        Path file = SharedData.file("taobao-userbehavior-sample/UserBehavior_prefix.csv");
        assertThat(InputFormat.detect(file)).isEqualTo(InputFormat.TAOBAO);
        IngestResult r = ingest(file, InputFormat.TAOBAO);
        SequenceDataset d = r.dataset();
        Map<String, Long> counts = new HashMap<>();
        long[] c = d.actionCounts();
        for (int a = 0; a < c.length; a++) {
            counts.put(d.actions().externalId(a), c[a]);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("pv", "cart", "fav", "buy");
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(d.numInteractions());
        assertThat(counts.get("pv")).isGreaterThan(counts.get("buy"));
        assertThat(r.report().rowsRead()).isEqualTo(r.report().rowsKept() + r.report().steps().get(0).dropped());
        String anyItem = d.items().externalId(0);
        assertThat(d.catalog().get(anyItem).categories()).hasSize(1);
    }

    @Test
    void movieLens1mRawRatingsAndMovies() throws IOException {
        Path file = SharedData.file("ml-1m-raw/ratings_users_1-2999.dat.gz");
        assertThat(InputFormat.detect(file)).isEqualTo(InputFormat.MOVIELENS);
        IngestSpec spec = IngestSpec.of("ml-1m", InputSpec.of(file, InputFormat.MOVIELENS)).withItemFiles(List.of(
                new IngestSpec.ItemFile(file.resolveSibling("movies.dat"), ItemTableReader.movieLensMovies())));
        SequenceDataset d = new Ingestor(Progress.NONE).run(spec).dataset();
        assertThat(d.numUsers()).isEqualTo(2999);
        assertThat(d.numItems()).isEqualTo(3615);
        assertThat(d.numInteractions()).isEqualTo(487_650);
        assertThat(d.catalog().get("73").title()).isEqualTo("Misérables, Les (1995)");
    }

    @Test
    void s3recSequencesWithAttributes() throws IOException {
        Path file = SharedData.file("s3rec-amazon-yelp-lastfm/Beauty.txt");
        assertThat(InputFormat.detect(file)).isEqualTo(InputFormat.SEQUENCES);
        IngestSpec spec = IngestSpec.of("beauty", InputSpec.of(file, InputFormat.SEQUENCES)).withItemFiles(List.of(
                new IngestSpec.ItemFile(file.resolveSibling("Beauty_item2attributes.json"), new AttributesJsonReader())));
        SequenceDataset d = new Ingestor(Progress.NONE).run(spec).dataset();
        assertThat(d.numUsers()).isEqualTo(22_363);
        assertThat(d.numItems()).isEqualTo(12_101);
        assertThat(d.numInteractions()).isEqualTo(198_502);
        assertThat(d.catalog().get("4").categories()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void spmfSequenceDatabase() throws IOException {
        Path file = SharedData.file("spmf/BMS1.txt");
        assertThat(InputFormat.detect(file)).isEqualTo(InputFormat.SPMF);
        SequenceDataset d = ingest(file, InputFormat.SPMF).dataset();
        assertThat(d.numUsers()).isEqualTo(59_601);
        assertThat(d.items().externalId(d.item(0))).isEqualTo("10307");
    }

    @Test
    void sasrecTitlesTable() throws IOException {
        Path file = SharedData.file("ml-1m-sasrec/sas_item_titles_genres.tsv");
        var catalog = ItemTableReader.withHeader("\t", "sas_item_id", "title", "genres", "\\|").read(file);
        assertThat(catalog.size()).isEqualTo(3416);
        assertThat(catalog.get("1").title()).isEqualTo("Raiders of the Lost Ark (1981)");
        assertThat(catalog.get("1").categories()).containsExactly("Action", "Adventure");
    }
}
