package dev.seqmind.rec.store;

import dev.seqmind.data.error.SeqmindException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces a directory by a fully written temporary sibling with renames, so readers see the old content or the new
 * one and never a mix. A crash between the two renames leaves the old content in {@code .<name>.old-*} beside the
 * target. Stateless; two writers must not target the same directory at once.
 */
final class AtomicDirectory {
    private AtomicDirectory() {
    }

    /** Refuses a target that exists and is neither empty nor holds {@code marker} (a file of the same layout). */
    static void checkReplaceable(Path target, String marker) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new SeqmindException(target + " exists and is not a directory; choose another output path");
        }
        if (Files.isRegularFile(target.resolve(marker))) {
            return;
        }
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent()) {
                throw new SeqmindException(target + " is a non-empty directory without " + marker
                        + "; refusing to replace it: choose another output path or empty it");
            }
        }
    }

    /** Forces every regular file under {@code dir}, then the directory itself, to disk. */
    static void forceTree(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        forceDirectory(dir);
    }

    /** Renames {@code tmp} to {@code target}, moving an existing target aside first and deleting it after. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target)) {
            String t = tmp.getFileName().toString();
            old = parent.resolve("." + target.getFileName() + ".old-" + t.substring(t.lastIndexOf('-') + 1));
            atomicMove(target, old);
        }
        try {
            atomicMove(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                atomicMove(old, target);
            }
            throw e;
        }
        forceDirectory(parent);
        if (old != null) {
            deleteRecursively(old);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: a leftover temporary directory is harmless and named as such.
                }
            });
        } catch (IOException e) {
            // Same as above.
        }
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically: " + e.getMessage(), e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; renames there are durable on their own.
        }
    }
}
