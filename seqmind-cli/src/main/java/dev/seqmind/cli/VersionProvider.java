package dev.seqmind.cli;

import dev.seqmind.data.SeqmindVersion;
import picocli.CommandLine;

/** Prints the build-filtered version, the JDK and the OS. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return lines();
    }

    /** The version lines, for callers outside picocli too. */
    static String[] lines() {
        return new String[] {
                "seqmind " + SeqmindVersion.version() + " (git " + SeqmindVersion.gitSha() + ")",
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
    }
}
