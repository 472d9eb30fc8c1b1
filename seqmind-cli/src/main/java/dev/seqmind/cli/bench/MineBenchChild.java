package dev.seqmind.cli.bench;

import dev.seqmind.mining.CountingSink;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.SequenceDatabase;
import dev.seqmind.mining.SpmfSequenceFile;
import dev.seqmind.mining.sequence.MiningStats;
import dev.seqmind.mining.sequence.SequenceAlgorithm;
import dev.seqmind.mining.sequence.SequenceMiningParams;
import dev.seqmind.mining.sequence.SequentialPatternMiner;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@code seqmind bench mine} starts for one measurement, so that its peak resident memory (VmHWM) belongs
 * to that row alone. Arguments: SPMF file, minimum support, threads, algorithm. Prints one line
 * {@code RESULT patterns=.. load_ms=.. mine_ms=.. hwm_kib=.. algorithm=.. cpu_ms=..}.
 */
public final class MineBenchChild {
    private MineBenchChild() {
    }

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        SequenceDatabase db = SpmfSequenceFile.read(Path.of(args[0]));
        long t1 = System.nanoTime();
        CountingSink sink = new CountingSink();
        SequenceMiningParams params = SequenceMiningParams.of(MinSupport.parse(args[1]))
                .withThreads(Integer.parseInt(args[2])).withAlgorithm(SequenceAlgorithm.valueOf(args[3]));
        MiningStats stats = SequentialPatternMiner.mine(db, params, sink);
        long t2 = System.nanoTime();
        System.out.println("RESULT patterns=" + sink.count() + " load_ms=" + (t1 - t0) / 1_000_000 + " mine_ms="
                + (t2 - t1) / 1_000_000 + " hwm_kib=" + peakKib() + " algorithm=" + stats.algorithm() + " cpu_ms="
                + processCpuMillis());
    }

    /** CPU time of the whole process so far (every thread: JIT, GC, workers), or -1 where unavailable. */
    static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** Peak resident set size of this process in KiB (VmHWM), or -1 where /proc is absent. */
    static long peakKib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
