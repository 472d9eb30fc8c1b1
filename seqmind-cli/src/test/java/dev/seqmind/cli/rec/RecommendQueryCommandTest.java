package dev.seqmind.cli.rec;

import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.console.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class RecommendQueryCommandTest {
    @TempDir
    Path tmp;

    private Path items() throws IOException {
        return Files.writeString(tmp.resolve("items.tsv"), """
                id\ttitle\tgenres
                1\tToy Story\tAnimation|Children's|Comedy
                2\tStar Wars: Episode IV - A New Hope\tAction|Sci-Fi
                3\tSense and Sensibility\tDrama|Romance
                4\tHeat\tAction|Crime|Thriller
                5\tThe Silence of the Lambs\tDrama|Thriller
                """);
    }

    private CliRun query(String text, String... more) throws IOException {
        String[] base = {"recommend", "--items", items().toString(), "--vector-cache", tmp.resolve("cache").toString(),
                "--query", text};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void anItemFileIsRankedByTheQuerysCosineWithAnExplanation() throws IOException {
        CliRun r = query("a space adventure with starships and rebels", "-k", "2");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains(" 1. 2 ").contains("Star Wars").contains("why: matches the query: cosine 0.")
                .contains("all-minilm-l6-v2-q").doesNotContain(" 3. ");
        CliRun cartoon = query("an animated film for children", "-k", "1");
        assertThat(cartoon.out()).as(cartoon.err()).contains(" 1. 1 ").contains("Toy Story");
        CliRun excluded = query("a space adventure with starships and rebels", "-k", "1", "--exclude", "2");
        assertThat(excluded.out()).doesNotContain("Star Wars");
    }

    @Test
    void aContentModelBlendsTheQueryWithTheHistorysBehaviourScores() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int u = 1; u <= 12; u++) {
            for (int item : new int[] {1, 3, 4, 5, 2}) {
                log.append(u).append(' ').append(item).append('\n');
            }
        }
        Path data = Files.writeString(tmp.resolve("log.txt"), log.toString());
        Path models = tmp.resolve("models");
        CliRun fit = run("evaluate", "--data", data.toString(), "--format", "sasrec", "--items", items().toString(),
                "--models", "content-knn", "--bootstrap", "0", "--out", tmp.resolve("report").toString(),
                "--save-models", models.toString());
        assertThat(fit.exit()).as(fit.err()).isEqualTo(ExitCodes.OK);
        String knn = models.resolve("content-knn").toString();
        String space = "a space adventure with starships and rebels";
        CliRun alone = run("recommend", "--model", knn, "--query", space, "-k", "1");
        assertThat(alone.out()).as(alone.err()).contains(" 1. 2 ");
        // after Toy Story the history's part (content-knn: text like Toy Story) is blended in; seen items are left out
        CliRun blended = run("recommend", "--model", knn, "--query", space, "--history", "1", "--query-weight",
                "0.5", "-k", "4");
        assertThat(blended.exit()).as(blended.err()).isEqualTo(ExitCodes.OK);
        assertThat(blended.out()).contains("history: Toy Story").contains("query weight 0.50")
                .contains(" 1. 2 ").contains("; history: ").contains("because of: Toy Story")
                .doesNotContain("Toy Story        ");
        CliRun historyOnly = run("recommend", "--model", knn, "--query", space, "--history", "1", "--query-weight",
                "0", "-k", "1");
        CliRun plain = run("recommend", "--model", knn, "--history", "1", "-k", "1");
        String top = plain.out().lines().filter(l -> l.startsWith(" 1. ")).findFirst().orElseThrow().substring(0, 9);
        assertThat(historyOnly.out()).as(historyOnly.err()).contains(top);
    }

    @Test
    void aModelWithoutATextSideOrAHistoryWithoutAModelIsABadRequest() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int u = 1; u <= 10; u++) {
            log.append(u).append(" 1\n").append(u).append(" 2\n").append(u).append(" 3\n");
        }
        Path data = Files.writeString(tmp.resolve("walks.txt"), log.toString());
        Path models = tmp.resolve("models");
        CliRun fit = run("evaluate", "--data", data.toString(), "--models", "markov1", "--bootstrap", "0",
                "--out", tmp.resolve("report").toString(), "--save-models", models.toString());
        assertThat(fit.exit()).as(fit.err()).isEqualTo(ExitCodes.OK);
        CliRun r = run("recommend", "--model", models.resolve("markov1").toString(), "--query", "space");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--model").contains("without a text side").doesNotContain("Exception");

        CliRun noModel = query("space", "--history", "1");
        assertThat(noModel.exit()).isEqualTo(2);
        assertThat(noModel.err()).contains("--history");
        assertThat(query("space", "--query-weight", "2").exit()).isEqualTo(2);
    }

    @Test
    void helpGivesTheQueryOptionsAndTheirDefaults() {
        CliRun r = run("recommend", "--help");
        assertThat(r.out()).contains("--query=TEXT").contains("--query-weight=W").contains("(default 0.5)")
                .contains("--text-model=NAME").contains("(default minilm)");
    }
}
