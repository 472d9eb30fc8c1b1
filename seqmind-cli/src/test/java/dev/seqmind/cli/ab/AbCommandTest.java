package dev.seqmind.cli.ab;

import dev.seqmind.cli.CliRun;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.ServerConfig;
import dev.seqmind.server.security.ApiKeys;
import dev.seqmind.server.security.Role;
import dev.seqmind.server.state.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AbCommandTest {
    private static final long DAY = 24L * 3600 * 1000;
    private static final String SALT = "5eed0000000000000000000000000ab1";

    @Test
    void sizePrintsTheHandComputedNumber() {
        // see SampleSizeTest: 31233.44 -> 31,234 per variant
        CliRun r = CliRun.run("ab", "size", "--baseline", "0.05", "--lift", "0.1", "--alpha", "0.05", "--power", "0.8",
                "--daily-exposures", "10000");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("exposures per variant: 31,234", "total (2 variants): 62,468",
                "days at 10,000 exposures a day: 6.2");
        CliRun bad = CliRun.run("ab", "size", "--baseline", "2", "--lift", "0.1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--baseline");
        assertThat(CliRun.run("ab", "replay", "--help").out()).contains("--holdout-from", "Default: 0.8",
                "--window-seconds", "Default: 1800", "--mixing-sd", "Default: 0.01");
    }

    @Test
    void badVariantsAreUsageErrors(@TempDir Path tmp) throws Exception {
        Path data = shop(tmp);
        CliRun one = CliRun.run("ab", "replay", "--data", data.toString(), "--variant", "pop");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("--variant");
        CliRun unknown = CliRun.run("ab", "replay", "--data", data.toString(), "--variant", "pop",
                "--variant", "b=no-such-model");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--variant", "no-such-model");
        CliRun shares = CliRun.run("ab", "replay", "--data", data.toString(), "--variant", "pop", "--variant",
                "markov1", "--shares", "0.5,0.6");
        assertThat(shares.exit()).isEqualTo(2);
        assertThat(shares.err()).contains("--shares");
    }

    /** The offline replay and the same traffic through a real server agree on exposures and on the verdict. */
    @Test
    void replayAndServerSimulationReachTheSameVerdict(@TempDir Path tmp) throws Exception {
        Path data = shop(tmp);
        Path models = tmp.resolve("models");
        CliRun replay = CliRun.run("ab", "replay", "--data", data.toString(), "--variant", "pop=pop", "--variant",
                "markov1=markov1", "--salt", SALT, "-k", "5", "--mixing-sd", "0.1", "--save-models",
                models.toString());
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("verdict: significant (winner markov1", "decided after day");

        SecureRandom rnd = new SecureRandom();
        String read = ApiKeys.newKey(rnd);
        String write = ApiKeys.newKey(rnd);
        String admin = ApiKeys.newKey(rnd);
        Path keys = tmp.resolve("keys.txt");
        Files.write(keys, List.of(ApiKeys.line(Role.READ, "r", read), ApiKeys.line(Role.WRITE, "w", write),
                ApiKeys.line(Role.ADMIN, "a", admin)));
        Map<String, Path> served = new LinkedHashMap<>();
        served.put("markov1", models.resolve("markov1"));
        served.put("pop", models.resolve("pop"));
        try (SeqmindServer server = SeqmindServer.start(new ServerConfig("127.0.0.1", 0,
                tmp.resolve("events.sqlite").toString(), data, served, null, keys, null, 200,
                new Limits(1 << 20, 1000, 100, 1000, 0)))) {
            CliRun sim = CliRun.run("ab", "simulate", "--server", "http://127.0.0.1:" + server.port(), "--data",
                    data.toString(), "--variant", "pop=pop", "--variant", "markov1=markov1", "--salt", SALT, "-k", "5",
                    "--mixing-sd", "0.1", "--read-key", read, "--write-key", write, "--admin-key", admin,
                    "--clients", "2");
            assertThat(sim.exit()).as(sim.err() + sim.out()).isZero();
            assertThat(sim.out()).contains("0 failed", "verdict: significant (winner markov1");
            // the same users land in the same variants: identical exposures per variant
            assertThat(exposures(sim.out(), "pop")).isEqualTo(exposures(replay.out(), "pop"));
            assertThat(exposures(sim.out(), "markov1")).isEqualTo(exposures(replay.out(), "markov1"));
        }
    }

    private static String exposures(String out, String variant) {
        Matcher m = Pattern.compile("(?m)^" + variant + "\\s+\\S+\\s+\\S+\\s+([\\d,]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    /** 300 users walking i(k) -> i(k+1) over four days, saved as a dataset directory. */
    private static Path shop(Path tmp) throws Exception {
        var b = new SequenceDatasetBuilder(DatasetInfo.of("walk", TimeKind.EPOCH_MILLIS));
        SplittableRandom rnd = new SplittableRandom(5);
        long t0 = 1_700_000_000_000L;
        for (int u = 0; u < 300; u++) {
            int item = rnd.nextInt(30);
            long t = t0 + rnd.nextLong(3 * DAY);
            for (int j = 0; j < 10; j++) {
                b.add("u" + u, "i" + item, j == 9 ? "buy" : "view", t);
                t += rnd.nextLong(2 * 3600_000L);
                item = rnd.nextInt(10) < 8 ? (item + 1) % 30 : rnd.nextInt(30);
            }
        }
        Path dir = tmp.resolve("walk");
        DatasetStore.save(b.build(), dir);
        return dir;
    }
}
