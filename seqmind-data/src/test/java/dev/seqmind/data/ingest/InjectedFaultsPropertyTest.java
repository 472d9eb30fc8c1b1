package dev.seqmind.data.ingest;

import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.collect.TextCheck;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.read.InputFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes a Taobao-format log ({@code user,item,category,behavior,seconds}) with faults of every kind injected at random
 * rows, ingests it with the command's defaults, and checks that each kind is dropped or kept as its policy says,
 * reported under its own class with the exact count and a {@code file:line} example, and that kept + dropped = read.
 */
class InjectedFaultsPropertyTest {
    private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    private static final long GOOD_TIME = 1_511_500_000L; // 2017-11-24

    /** A fault, the report class it must land in, and whether the row is kept. */
    enum Fault {
        NUL_IN_USER(TextCheck.CONTROL, false),
        CONTROL_IN_ITEM(TextCheck.CONTROL, false),
        INVALID_UTF8_ACTION(TextCheck.ENCODING, false),
        NEGATIVE_TIME(EventCollector.TIME_OUT_OF_RANGE, false),
        FUTURE_TIME(EventCollector.TIME_OUT_OF_RANGE, false),
        TEXT_TIME("bad timestamp", false),
        TOO_FEW_FIELDS("too few fields", false),
        EMPTY_USER("missing user", false),
        EXTRA_FIELD("extra fields (ignored)", true),
        LONG_NUMERIC_USER(TextCheck.LONG_NUMBER, true);

        final String reportClass;
        final boolean kept;

        Fault(String reportClass, boolean kept) {
            this.reportClass = reportClass;
            this.kept = kept;
        }

        byte[] row(SplittableRandom r) {
            String user = Integer.toString(r.nextInt(1, 50));
            String item = Integer.toString(r.nextInt(1, 200));
            String time = Long.toString(GOOD_TIME + r.nextInt(100_000));
            return switch (this) {
                case NUL_IN_USER -> ascii(user + "\0x," + item + ",7,pv," + time);
                case CONTROL_IN_ITEM -> ascii(user + ",i\u0001" + item + ",7,pv," + time);
                case INVALID_UTF8_ACTION -> concat(ascii(user + "," + item + ",7,"),
                        new byte[] {(byte) 0xC3, (byte) 0x28, 'v'}, ascii("," + time));
                case NEGATIVE_TIME -> ascii(user + "," + item + ",7,pv,-5");
                case FUTURE_TIME -> ascii(user + "," + item + ",7,pv,4102444800");
                case TEXT_TIME -> ascii(user + "," + item + ",7,pv,yesterday");
                case TOO_FEW_FIELDS -> ascii(user + "," + item + ",7");
                case EMPTY_USER -> ascii("," + item + ",7,pv," + time);
                case EXTRA_FIELD -> ascii(user + "," + item + ",7,pv," + time + ",extra");
                case LONG_NUMERIC_USER -> ascii("12345678901234567890123456," + item + ",7,pv," + time);
            };
        }
    }

    @Property(tries = 40)
    void everyInjectedFaultIsClassifiedCountedAndLocated(@ForAll long seed,
                                                        @ForAll @IntRange(min = 20, max = 300) int cleanRows)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // a clean first row fixes the row width, as in a real export
        log.writeBytes(ascii("1,1,7,pv," + GOOD_TIME + "\n"));
        int rows = 1;
        for (int i = 0; i < cleanRows; i++) {
            if (r.nextInt(4) == 0) {
                Fault f = Fault.values()[r.nextInt(Fault.values().length)];
                injected.merge(f, 1, Integer::sum);
                log.writeBytes(f.row(r));
            } else {
                log.writeBytes(ascii(r.nextInt(1, 50) + "," + r.nextInt(1, 200) + ",7,"
                        + (r.nextBoolean() ? "pv" : "buy") + "," + (GOOD_TIME + r.nextInt(100_000))));
            }
            log.writeBytes(new byte[] {'\n'});
            rows++;
        }
        Path file = Files.createTempFile("taobao", ".csv");
        try {
            Files.write(file, log.toByteArray());
            IngestSpec spec = IngestSpec.of("t", InputSpec.of(file, InputFormat.TAOBAO))
                    .withTimeRange(TimeRange.plausible(NOW));
            IngestResult result = IngestTestSupport.ingest(spec);
            StepReport read = result.report().steps().get(0);

            assertThat(read.rowsIn()).isEqualTo(rows);
            long dropped = read.drops().stream().mapToLong(StepReport.Drop::count).sum();
            assertThat(read.rowsOut() + dropped).isEqualTo(read.rowsIn());
            assertThat(result.dataset().numInteractions()).isEqualTo((int) read.rowsOut());

            Map<String, Long> expectedDrops = new java.util.HashMap<>();
            Map<String, Long> expectedWarnings = new java.util.HashMap<>();
            injected.forEach((f, n) -> (f.kept ? expectedWarnings : expectedDrops).merge(f.reportClass, (long) n,
                    Long::sum));
            assertThat(counts(read.drops())).isEqualTo(expectedDrops);
            assertThat(counts(read.warnings())).isEqualTo(expectedWarnings);
            long kept = injected.entrySet().stream().filter(e -> e.getKey().kept).mapToLong(Map.Entry::getValue).sum();
            long faulty = injected.values().stream().mapToLong(Integer::longValue).sum();
            assertThat(read.rowsOut()).isEqualTo(rows - (faulty - kept));
            for (StepReport.Drop d : read.drops()) {
                assertThat(d.examples()).isNotEmpty().allMatch(e -> e.startsWith(file + ":"));
            }
            for (StepReport.Drop w : read.warnings()) {
                assertThat(w.examples()).isNotEmpty().allMatch(e -> e.startsWith(file + ":"));
            }
            assertThat(result.dataset().actions().size()).isLessThanOrEqualTo(2); // no garbage action type
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 10)
    void strictModeStopsAtTheFirstFaultOfAnyKind(@ForAll @IntRange(min = 0, max = 9) int kind,
                                                 @ForAll @IntRange(min = 0, max = 30) int before)
            throws IOException {
        Fault f = Fault.values()[kind];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= before; i++) {
            sb.append(i + 1).append(",5,7,pv,").append(GOOD_TIME + i).append('\n');
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.writeBytes(ascii(sb.toString()));
        log.writeBytes(f.row(new SplittableRandom(kind)));
        log.writeBytes(ascii("\n1,2,7,pv," + GOOD_TIME + "\n"));
        Path file = Files.createTempFile("taobao", ".csv");
        try {
            Files.write(file, log.toByteArray());
            IngestSpec spec = IngestSpec.of("t", InputSpec.of(file, InputFormat.TAOBAO))
                    .withTimeRange(TimeRange.plausible(NOW)).withStrict(true);
            assertThatThrownBy(() -> IngestTestSupport.ingest(spec)).isInstanceOf(InputFormatException.class)
                    .hasMessageStartingWith(file + ":" + (before + 2) + ":");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<String, Long> counts(java.util.List<StepReport.Drop> drops) {
        Map<String, Long> m = new java.util.HashMap<>();
        drops.forEach(d -> m.put(d.reason(), d.count()));
        return m;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
