package dev.seqmind.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The seqmind version (from a Maven-filtered resource) and, when run from a checkout, its git commit. */
public final class SeqmindVersion {
    private SeqmindVersion() {
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = SeqmindVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** The commit of the checkout the code runs from, read from {@code .git} without running git; "unknown" elsewhere. */
    public static String gitSha() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path head = dir.resolve(".git").resolve("HEAD");
            if (Files.isRegularFile(head)) {
                try {
                    String ref = Files.readString(head).trim();
                    if (ref.startsWith("ref: ")) {
                        Path refFile = dir.resolve(".git").resolve(ref.substring(5));
                        return Files.isRegularFile(refFile) ? Files.readString(refFile).trim() : "unknown";
                    }
                    return ref;
                } catch (IOException e) {
                    return "unknown";
                }
            }
        }
        return "unknown";
    }
}
