package dev.seqmind.data.generate;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogGeneratorTest {
    @TempDir
    Path tmp;

    /** One parsed row of the written log. */
    record Row(String user, String item, String action, long time) {
    }

    static List<Row> readLog(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        var in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("user,item,action,timestamp");
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                assertThat(f).hasSize(4);
                rows.add(new Row(f[0], f[1], f[2], Long.parseLong(f[3])));
            }
        }
        return rows;
    }

    static Map<String, List<Row>> byUser(List<Row> rows) {
        Map<String, List<Row>> m = new LinkedHashMap<>();
        for (Row r : rows) {
            m.computeIfAbsent(r.user(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private GenerationReport generate(GeneratorConfig c, Path dir, String logName) throws IOException {
        return new LogGenerator(c).writeTo(dir, logName, Progress.NONE);
    }

    @Test
    void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(300, 500, 6_000, 7);
        generate(c, tmp.resolve("a"), "events.csv");
        generate(c, tmp.resolve("b"), "events.csv");
        generate(GeneratorConfig.of(300, 500, 6_000, 8), tmp.resolve("c"), "events.csv");
        for (String f : List.of("events.csv", "items.csv", "planted.tsv")) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
        }
        assertThat(Files.readAllBytes(tmp.resolve("c/events.csv")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("a/events.csv")));
    }

    @Test
    void writesExactlyTheRequestedRowsWithStrictlyIncreasingTimesPerUser() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(400, 300, 9_001, 1);
        GenerationReport report = generate(c, tmp, "events.csv");
        List<Row> rows = readLog(tmp.resolve("events.csv"));
        assertThat(rows).hasSize(9_001);
        assertThat(report.rows()).isEqualTo(9_001);
        assertThat(report.actionRows().stream().mapToLong(Long::longValue).sum()).isEqualTo(9_001);
        Map<String, List<Row>> users = byUser(rows);
        assertThat(users).hasSize(400);
        for (List<Row> seq : users.values()) {
            assertThat(seq.size()).isGreaterThanOrEqualTo(c.minLength());
            for (int i = 1; i < seq.size(); i++) {
                assertThat(seq.get(i).time()).isGreaterThan(seq.get(i - 1).time());
            }
        }
        assertThat(rows.stream().map(Row::action).distinct()).containsExactlyInAnyOrder("pv", "fav", "cart", "buy");
        assertThat(rows.get(0).time()).isGreaterThanOrEqualTo(c.start().getEpochSecond());
    }

    @Test
    void plantedSupportRecordedEqualsSupportCountedInTheLog() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(2_000, 3_000, 60_000, 11).withPatterns(4, 3, 0.03, 0.12);
        generate(c, tmp, "events.csv");
        Map<String, List<Row>> users = byUser(readLog(tmp.resolve("events.csv")));
        List<String> lines = Files.readAllLines(tmp.resolve("planted.tsv"));
        assertThat(lines.get(0)).startsWith("pattern\titems\ttarget_fraction\tplanted_users\tsupport");
        assertThat(lines).hasSize(5);
        Set<String> allChainItems = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            List<String> chain = List.of(f[1].split(" "));
            assertThat(chain).hasSize(3).doesNotHaveDuplicates();
            allChainItems.addAll(chain);
            double target = Double.parseDouble(f[2]);
            long planted = Long.parseLong(f[3]);
            long support = Long.parseLong(f[4]);
            long counted = users.values().stream().filter(seq -> containsInOrder(seq, chain)).count();
            assertThat(support).as("support of %s", chain).isEqualTo(counted);
            assertThat(support).isGreaterThanOrEqualTo(planted);
            assertThat(planted / 2_000.0).isCloseTo(target, within(0.03));
            assertThat(f[6]).contains(" -> ").contains("#" + chain.get(0));
        }
        assertThat(allChainItems).hasSize(12);
    }

    private static boolean containsInOrder(List<Row> seq, List<String> chain) {
        int k = 0;
        for (Row r : seq) {
            if (k < chain.size() && r.item().equals(chain.get(k))) {
                k++;
            }
        }
        return k == chain.size();
    }

    @Test
    void itemPopularityFollowsTheConfiguredZipfExponent() {
        for (double s : new double[] {0.8, 1.2}) {
            GeneratorConfig c = GeneratorConfig.of(5_000, 20_000, 400_000, 3).withZipfExponent(s)
                    .withPatterns(0, 3, 0.01, 0.01);
            SequenceDataset d = new LogGenerator(c).toDataset();
            int[] counts = d.itemCounts();
            int[] sorted = Arrays.stream(counts).map(x -> -x).sorted().map(x -> -x).toArray();
            // Least-squares slope of log(count) on log(rank) over ranks 1..200 should be about -s.
            int n = 200;
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int r = 1; r <= n; r++) {
                double x = Math.log(r);
                double y = Math.log(sorted[r - 1]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
            assertThat(slope).as("rank-frequency slope for s=%s", s).isCloseTo(-s, within(0.15));
        }
    }

    @Test
    void sessionsAreBurstsSeparatedByLongGaps() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(500, 1_000, 20_000, 5);
        generate(c, tmp, "events.csv");
        List<Long> gaps = new ArrayList<>();
        for (List<Row> seq : byUser(readLog(tmp.resolve("events.csv"))).values()) {
            for (int i = 1; i < seq.size(); i++) {
                gaps.add(seq.get(i).time() - seq.get(i - 1).time());
            }
        }
        long[] g = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = g[g.length / 2];
        assertThat(median).as("median gap (s)").isBetween(5L, 600L);
        double longGaps = Arrays.stream(g).filter(x -> x >= 1_800).count() / (double) g.length;
        // About one session break per (mean views + funnel events) events.
        assertThat(longGaps).isBetween(0.05, 0.35);
        assertThat(g[(int) (g.length * 0.95)]).as("95th percentile gap").isGreaterThan(3_600L);
    }

    @Test
    void everyUsersActivityFitsRoughlyTheActivityWindow() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(300, 500, 60_000, 8); // heavy users: 200 events on average
        generate(c, tmp, "events.csv");
        List<Long> spans = new ArrayList<>();
        for (List<Row> seq : byUser(readLog(tmp.resolve("events.csv"))).values()) {
            spans.add(seq.get(seq.size() - 1).time() - seq.get(0).time());
        }
        long[] s = spans.stream().mapToLong(Long::longValue).sorted().toArray();
        long day = 86_400;
        assertThat(s[s.length / 2]).as("median span").isBetween(20 * day, 120 * day);
        assertThat(s[s.length - 1]).as("longest span").isLessThan(365 * day);
    }

    @Test
    void buysUsuallyFollowACartOfTheSameItem() throws IOException {
        generate(GeneratorConfig.of(1_000, 800, 50_000, 9), tmp, "events.csv");
        long buys = 0;
        long afterCart = 0;
        for (List<Row> seq : byUser(readLog(tmp.resolve("events.csv"))).values()) {
            Map<String, Integer> carted = new HashMap<>();
            for (Row r : seq) {
                if (r.action().equals("cart")) {
                    carted.merge(r.item(), 1, Integer::sum);
                } else if (r.action().equals("buy")) {
                    buys++;
                    if (carted.getOrDefault(r.item(), 0) > 0) {
                        afterCart++;
                        carted.merge(r.item(), -1, Integer::sum);
                    }
                }
            }
        }
        assertThat(buys).isGreaterThan(500);
        assertThat(afterCart / (double) buys).isGreaterThan(0.75);
    }

    @Test
    void itemTableHasReadableTitlesAndTwoLevelCategories() throws IOException {
        generate(GeneratorConfig.of(50, 200, 500, 2), tmp, "events.csv");
        List<String> lines = Files.readAllLines(tmp.resolve("items.csv"));
        assertThat(lines.get(0)).isEqualTo("item,title,categories");
        assertThat(lines).hasSize(201);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(3);
            assertThat(f[1]).matches("[A-Z][A-Za-z'&\\- ]+ #" + f[0]);
            String[] cats = f[2].split("\\|");
            assertThat(cats).hasSize(2);
            assertThat(cats[1]).startsWith(cats[0] + "/");
        }
    }

    @Test
    void gzipNameGivesTheSameRowsCompressed() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(100, 100, 3_000, 4);
        generate(c, tmp.resolve("plain"), "events.csv");
        generate(c, tmp.resolve("gz"), "events.csv.gz");
        byte[] gz = Files.readAllBytes(tmp.resolve("gz/events.csv.gz"));
        assertThat(gz[0] & 0xff).isEqualTo(0x1f);
        assertThat(gz[1] & 0xff).isEqualTo(0x8b);
        assertThat(readLog(tmp.resolve("gz/events.csv.gz"))).isEqualTo(readLog(tmp.resolve("plain/events.csv")));
    }

    @Test
    void inMemoryDatasetHoldsTheSameEvents() throws IOException {
        GeneratorConfig c = GeneratorConfig.of(200, 400, 4_000, 12);
        generate(c, tmp, "events.csv");
        List<Row> rows = readLog(tmp.resolve("events.csv"));
        SequenceDataset d = new LogGenerator(c).toDataset();
        assertThat(d.numInteractions()).isEqualTo(rows.size());
        int i = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            for (int e = d.start(u); e < d.end(u); e++, i++) {
                Row r = rows.get(i);
                assertThat(d.users().externalId(u)).isEqualTo(r.user());
                assertThat(d.items().externalId(d.item(e))).isEqualTo(r.item());
                assertThat(d.actions().externalId(d.action(e))).isEqualTo(r.action());
                assertThat(d.time(e)).isEqualTo(r.time() * 1000);
            }
        }
        assertThat(d.catalog().label(d.items().externalId(0))).endsWith("#" + d.items().externalId(0));
    }

    @Test
    void userActivityIsSkewedAndSumsExactly() {
        for (LengthDistribution shape : LengthDistribution.values()) {
            GeneratorConfig c = GeneratorConfig.of(10_000, 100, 200_000, 6).withLengths(shape, 1.0, 2);
            int[] len = SequenceLengths.of(c);
            assertThat(Arrays.stream(len).asLongStream().sum()).isEqualTo(200_000);
            assertThat(Arrays.stream(len).min().getAsInt()).isGreaterThanOrEqualTo(2);
            int[] sorted = len.clone();
            Arrays.sort(sorted);
            assertThat(sorted[sorted.length / 100]).as("1st percentile, %s", shape).isLessThanOrEqualTo(4);
            assertThat(sorted[sorted.length - 1]).as("max vs median, %s", shape)
                    .isGreaterThan(8 * sorted[sorted.length / 2]);
        }
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> GeneratorConfig.of(0, 10, 10, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("users");
        assertThatThrownBy(() -> GeneratorConfig.of(100, 10, 50, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("events");
        assertThatThrownBy(() -> GeneratorConfig.of(10, 100, 100, 1).withZipfExponent(-1))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("zipfExponent");
        assertThatThrownBy(() -> GeneratorConfig.of(10, 10, 100, 1).withPatterns(5, 3, 0.1, 0.2))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("patterns");
    }
}
