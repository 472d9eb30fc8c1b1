package dev.seqmind.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The workload that trains the start-up cache at package time (see {@code src/aot/README.md}): the small commands
 * people run most ({@code --version}, help, a small mining job and its rules), in one JVM, so that the classes each of
 * them loads arrive pre-parsed and pre-linked. Output is discarded; arguments are the SPMF file to mine.
 */
public final class AotTrainingRun {
    private AotTrainingRun() {
    }

    public static void main(String[] args) {
        String spmf = args[0];
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(none);
        System.setErr(none);
        int failures = 0;
        try {
            String[][] runs = {
                    {"--version"},
                    {"--help"},
                    {"mine", "--help"},
                    {"mine", "sequences", "--spmf", spmf, "--min-support", "0.3", "-q"},
                    {"mine", "sequences", "--spmf", spmf, "--min-support", "0.3", "-q", "--format", "jsonl"},
                    {"mine", "rules", "--spmf", spmf, "--min-support", "0.3", "--min-confidence", "0.5"},
                    {"mine", "itemsets", "--spmf", spmf, "--min-support", "0.3"},
                    {"mine", "sequences", "--min-support", "bogus", "--spmf", spmf},
            };
            for (int i = 0; i < runs.length; i++) {
                int code = SeqmindCommand.execute(runs[i]);
                if (code != 0 && i != runs.length - 1) {
                    failures++;
                    err.println("aot training run " + String.join(" ", runs[i]) + " exited " + code);
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (failures > 0) {
            System.exit(1);
        }
    }
}
