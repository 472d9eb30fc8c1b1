package dev.seqmind.cli.bench;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code seqmind bench startup}: whole-process wall time of small commands run through {@code bin/seqmind}, with the
 * start-up cache ({@code target/seqmind.aot}) and without it (the baseline), as medians of repeated runs.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Whole-process time of '--version' and a small mining job, with the start-up cache and without "
                + "it (baseline), through bin/seqmind.")
public final class StartupBench implements Callable<Integer> {
    @Option(names = "--repeat", defaultValue = "9", description = "Runs per measurement; the median is shown. "
            + "Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--spmf", paramLabel = "FILE", description = "SPMF file of the mining job. Default: SIGN from "
            + "../shared/datasets/spmf beside the checkout.")
    Path spmf;

    @Option(names = "--min-support", defaultValue = "0.25", description = "Support of the mining job. "
            + "Default: ${DEFAULT-VALUE}.")
    String minSupport;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (repeat < 1) {
            throw new InvalidParameterException("--repeat", repeat, ">= 1");
        }
        Path root = checkoutRoot();
        Path launcher = root.resolve("bin/seqmind");
        Path cache = root.resolve("seqmind-cli/target/seqmind.aot");
        Path input = spmf != null ? spmf : root.resolveSibling("shared/datasets/spmf/SIGN.txt");
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "start-up cache %s%n", Files.exists(cache) ? cache + " (" + Files.size(cache)
                / (1 << 20) + " MiB)" : "absent: build with JDK 25+ ('./mvnw -q -DskipTests package')");
        List<List<String>> jobs = new ArrayList<>();
        jobs.add(List.of("--version"));
        if (Files.exists(input)) {
            Path result = Files.createTempFile("startup-bench", ".txt");
            jobs.add(List.of("mine", "sequences", "--spmf", input.toString(), "--min-support", minSupport, "-q",
                    "-o", result.toString()));
        } else {
            out.println("no " + input + ": measuring --version only");
        }
        out.printf(Locale.ROOT, "%-60s %12s %12s %8s%n", "command", "no cache ms", "cache ms", "ratio");
        for (List<String> job : jobs) {
            double without = median(launcher, job, true);
            double with = median(launcher, job, false);
            out.printf(Locale.ROOT, "%-60s %12.0f %12.0f %7.2fx%n", clip("seqmind " + String.join(" ", job)),
                    without, with, without / with);
        }
        return 0;
    }

    private double median(Path launcher, List<String> args, boolean baseline)
            throws IOException, InterruptedException {
        double[] ms = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            if (baseline) {
                pb.environment().put("SEQMIND_NO_AOT", "1");
            }
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SeqmindException("'" + String.join(" ", cmd) + "' ran over 120 s");
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (p.exitValue() != 0) {
                throw new SeqmindException("'" + String.join(" ", cmd) + "' exited with " + p.exitValue());
            }
        }
        Arrays.sort(ms);
        return ms[repeat / 2];
    }

    /**
     * The checkout that holds {@code seqmind-cli/target/seqmind-cli.jar}, found on the class path (a class that came
     * from the start-up cache may have no code source to ask).
     */
    private static Path checkoutRoot() {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.getFileName() != null && p.getFileName().toString().equals("seqmind-cli.jar")) {
                return p.getParent().getParent().getParent(); // seqmind-cli/target/seqmind-cli.jar
            }
        }
        throw new SeqmindException("cannot locate the checkout: seqmind-cli.jar is not on the class path");
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
