package dev.seqmind.cli.train;

import dev.seqmind.cli.CliRun;
import dev.seqmind.rec.store.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --model gru4rec-text|sasrec-text --item-vectors NAME=FILE}: fused, saved, and bad files reported. */
class HybridTrainCommandTest {
    private static final String[] TITLES = {"Star Wars", "Alien", "Apollo 13", "Star Trek", "Emma",
            "Notting Hill", "Persuasion", "Sleepless in Seattle"};

    @TempDir
    Path tmp;

    private CliRun train(String model, String vectors, String... extra) throws Exception {
        StringBuilder log = new StringBuilder();
        for (int u = 1; u <= 40; u++) {
            for (int k = 0; k < 6; k++) {
                log.append(u).append(' ').append(1 + (u % 2) * 4 + (u + k) % 4).append('\n');
            }
        }
        Files.writeString(tmp.resolve("seq.txt"), log);
        StringBuilder items = new StringBuilder("sas_item_id\toriginal_movie_id\ttitle\tgenres\n");
        for (int i = 0; i < TITLES.length; i++) {
            items.append(i + 1).append('\t').append(100 + i).append('\t').append(TITLES[i]).append('\t')
                    .append(i < 4 ? "Sci-Fi" : "Romance").append('\n');
        }
        Files.writeString(tmp.resolve("items.tsv"), items);
        Files.writeString(tmp.resolve("genre.tsv"), vectors);
        List<String> args = new java.util.ArrayList<>(List.of("train", "--model", model, "--data",
                tmp.resolve("seq.txt").toString(), "--format", "sasrec",
                "--items", tmp.resolve("items.tsv").toString(), "--item-vectors",
                "genre=" + tmp.resolve("genre.tsv"), "--vector-cache", tmp.resolve("cache").toString(),
                "--out", tmp.resolve("model").toString(), "--dim", "8", "--hidden", "8", "--max-len", "10",
                "--epochs", "1", "--batch", "10", "--threads", "1"));
        args.addAll(List.of(extra));
        return run(args.toArray(new String[0]));
    }

    @Test
    void trainsSavesAndLoadsAHybridWithAModality() throws Exception {
        CliRun r = train("gru4rec-text", "1\t1\t0\n2\t1\t0.1\n5\t0\t1\n77\t1\t1\n");
        assertThat(r.exit()).as(r.err()).isZero();
        Path model = tmp.resolve("model");
        assertThat(model.resolve("modality-genre.npy")).exists();
        assertThat(ModelDirectory.load(model).name()).isEqualTo("gru4rec-text");
    }

    @Test
    void aBadVectorFileNamesItsLineAndField() throws Exception {
        CliRun r = train("sasrec-text", "1\t1\t0\n2\t1\tnan\n");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains(tmp.resolve("genre.tsv") + ":2: column 3: NaN (item 2)")
                .doesNotContain("\tat dev.");
    }

    @Test
    void itemVectorsNeedAHybrid() throws Exception {
        CliRun r = train("gru4rec", "1\t1\t0\n");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--item-vectors").contains("only with --model sasrec-text or gru4rec-text");
    }

    @Test
    void theUserTextOptionIsSavedWithTheModel() throws Exception {
        CliRun r = train("sasrec-text", "1\t1\t0\n", "--user-text", "--user-text-every", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        Path model = tmp.resolve("model");
        assertThat(Files.readString(model.resolve("text.json"))).contains("\"userText\"");
        assertThat(ModelDirectory.load(model).name()).isEqualTo("sasrec-text");
    }

    @Test
    void userTextNeedsTheHybridSasRec() throws Exception {
        CliRun r = train("gru4rec-text", "1\t1\t0\n", "--user-text");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--user-text").contains("only with --model sasrec-text");
    }
}
