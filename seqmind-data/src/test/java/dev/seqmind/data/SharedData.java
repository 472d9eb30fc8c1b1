package dev.seqmind.data;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only benchmark datasets beside the checkout; tests that need one skip when it is absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path file(String relative) {
        Path root = Path.of(System.getProperty("seqmind.root", ".")).toAbsolutePath();
        Path p = root.resolve("../shared/datasets").resolve(relative).normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), "dataset not present: " + p);
        return p;
    }
}
