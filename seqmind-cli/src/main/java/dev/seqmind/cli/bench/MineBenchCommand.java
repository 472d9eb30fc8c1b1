package dev.seqmind.cli.bench;

import dev.seqmind.data.error.InputFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code seqmind bench mine}: runs the rows of the side-by-side mining reference (SPMF and a C++ miner on the same
 * datasets), each measurement in a fresh child JVM so wall time includes start-up as the reference's does and peak
 * memory (VmHWM) is the row's own; prints ours against theirs.
 */
@Command(name = "mine", mixinStandardHelpOptions = true,
        description = "Sequential-pattern mining against SPMF's and a C++ miner's times and memory.")
public final class MineBenchCommand implements Callable<Integer> {
    @Option(names = "--reference", description = "Side-by-side reference TSV (default: ${DEFAULT-VALUE}).",
            defaultValue = "../shared/reference/mining-times-side-by-side.tsv")
    Path reference;

    @Option(names = "--datasets", description = "Folder of SPMF files (default: ${DEFAULT-VALUE}).",
            defaultValue = "../shared/datasets/spmf")
    Path datasets;

    @Option(names = "--set", description = "Rows to run: reference, hard or all (default: ${DEFAULT-VALUE}).",
            defaultValue = "reference")
    String set;

    @Option(names = "--rows", description = "Only rows whose 'dataset minsup' matches this regex. Default: every row.", defaultValue = ".*")
    String rows;

    @Option(names = "--repeat", description = "Runs per measurement; the median is shown (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int repeat;

    @Option(names = "--algorithm", description = "AUTO, PREFIXSPAN or SPAM (default: ${DEFAULT-VALUE}).",
            defaultValue = "AUTO")
    String algorithm;

    @Option(names = "--child-jvm", description = "JVM options of each measured process (default: ${DEFAULT-VALUE}).",
            defaultValue = "-Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
    String childJvm;

    private static final Pattern RESULT = Pattern.compile(
            "RESULT patterns=(\\d+) load_ms=(\\d+) mine_ms=(\\d+) hwm_kib=(-?\\d+) algorithm=(\\w+) cpu_ms=(-?\\d+)");

    /** One row of the reference file. */
    record Row(String dataset, String minsup, long patterns, String set, double spmfPrefixSpanS,
               double spmfPrefixSpanMib, double spmfCmSpamS, double spmfCmSpamMib, double cppS, double cppMib) {
        double spmfBestS() {
            return Math.min(spmfPrefixSpanS, spmfCmSpamS);
        }

        double spmfBestMib() {
            return spmfPrefixSpanS <= spmfCmSpamS ? spmfPrefixSpanMib : spmfCmSpamMib;
        }
    }

    /** One child-process measurement. */
    record Run(long patterns, double wallS, double mineS, double peakMib, String algorithm, double cpuS) {
    }

    @Override
    public Integer call() throws Exception {
        List<Row> selected = new ArrayList<>();
        for (Row r : readReference(reference)) {
            if ((set.equals("all") || r.set().equals(set)) && (r.dataset() + " " + r.minsup()).matches(rows)) {
                selected.add(r);
            }
        }
        System.out.printf("load average at start: %s; child JVM: %s; median of %d%n", loadAverage(), childJvm, repeat);
        System.out.printf(Locale.ROOT, "%-10s %-6s %7s %3s %6s %6s %6s %6s %5s %6s %6s %6s %5s %6s %6s %6s%n",
                "dataset", "minsup", "patterns", "ok", "1T_s", "2T_s", "cpu1T", "mine1T", "peakM", "spmf_s",
                "x_wall", "x_cpu", "memx", "cpp_s", "xc_wall", "xc_cpu");
        double sumLogSpmf = 0;
        double sumLogCpp = 0;
        double sumLogSpmfCpu = 0;
        double sumLogCppCpu = 0;
        int failures = 0;
        for (Row r : selected) {
            Path file = datasets.resolve(r.dataset() + ".txt");
            Run one = measure(file, r.minsup(), 1);
            Run two = measure(file, r.minsup(), 2);
            boolean ok = one.patterns() == r.patterns() && two.patterns() == r.patterns();
            failures += ok ? 0 : 1;
            double xSpmf = r.spmfBestS() / one.wallS();
            double xCpp = r.cppS() / one.wallS();
            double xSpmfCpu = r.spmfBestS() / one.cpuS();
            double xCppCpu = r.cppS() / one.cpuS();
            sumLogSpmf += Math.log(xSpmf);
            sumLogCpp += Math.log(xCpp);
            sumLogSpmfCpu += Math.log(xSpmfCpu);
            sumLogCppCpu += Math.log(xCppCpu);
            System.out.printf(Locale.ROOT,
                    "%-10s %-6s %7d %3s %6.2f %6.2f %6.2f %6.2f %5.0f %6.2f %6.2f %6.2f %5.2f %6.2f %6.2f %6.2f%n",
                    r.dataset(), r.minsup(), one.patterns(), ok ? "yes" : "NO", one.wallS(), two.wallS(),
                    one.cpuS(), one.mineS(), one.peakMib(), r.spmfBestS(), xSpmf, xSpmfCpu,
                    one.peakMib() / r.spmfBestMib(), r.cppS(), xCpp, xCppCpu);
            System.out.flush();
        }
        if (!selected.isEmpty()) {
            int k = selected.size();
            System.out.printf(Locale.ROOT, "geometric mean speed-up, 1 thread, whole process (above 1 = we are faster):"
                    + " wall %.2fx vs SPMF's fastest, %.2fx vs C++; process CPU %.2fx vs SPMF, %.2fx vs C++%n",
                    Math.exp(sumLogSpmf / k), Math.exp(sumLogCpp / k), Math.exp(sumLogSpmfCpu / k),
                    Math.exp(sumLogCppCpu / k));
            System.out.println("columns: 1T_s/2T_s wall of the whole child process (JVM start, load, mine) with 1/2 "
                    + "threads; cpu1T its CPU seconds (all threads); mine1T in-process mining time; peakM VmHWM MiB; "
                    + "x_wall/x_cpu = SPMF's fastest / ours; memx = our peak / SPMF's; xc_* = C++ / ours");
        }
        return failures == 0 ? 0 : 1;
    }

    private Run measure(Path file, String minsup, int threads) throws IOException, InterruptedException {
        Run[] runs = new Run[repeat];
        for (int i = 0; i < repeat; i++) {
            runs[i] = runChild(file, minsup, threads);
        }
        Arrays.sort(runs, (a, b) -> Double.compare(a.wallS(), b.wallS()));
        return runs[repeat / 2];
    }

    private Run runChild(Path file, String minsup, int threads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(Arrays.asList(childJvm.trim().split("\\s+")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MineBenchChild.class.getName());
        cmd.add(file.toString());
        cmd.add(minsup);
        cmd.add(Integer.toString(threads));
        cmd.add(algorithm);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        Matcher m = result == null ? null : RESULT.matcher(result);
        if (code != 0 || m == null || !m.matches()) {
            throw new IllegalStateException("benchmark child failed (exit " + code + "):\n" + all);
        }
        return new Run(Long.parseLong(m.group(1)), wall, Long.parseLong(m.group(3)) / 1000.0,
                Long.parseLong(m.group(4)) / 1024.0, m.group(5), Long.parseLong(m.group(6)) / 1000.0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static List<Row> readReference(Path tsv) throws IOException {
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("dataset\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 10) {
                throw new InputFormatException(tsv.toString(), i + 1, "", "expected 10 tab-separated fields");
            }
            out.add(new Row(f[0], f[1], Long.parseLong(f[2]), f[3], Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]), Double.parseDouble(f[9])));
        }
        return out;
    }
}
