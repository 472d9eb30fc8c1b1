package dev.seqmind.cli.privacy;

import dev.seqmind.data.audit.AuditLog;
import dev.seqmind.data.privacy.PrivacyLedger;
import dev.seqmind.data.store.DatasetStore;
import dev.seqmind.data.store.DatasetDirectory;
import dev.seqmind.data.store.Erasure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Saved results (rule and pattern files, reports) computed on data that held an erased user: lines naming the user are
 * removed, and each file gets a {@code FILE.stale} note saying it was computed before the erasure and must be
 * recomputed (supports and confidences still include the user's events). Stateless.
 */
final class ResultFiles {
    static final String STALE_SUFFIX = ".stale";
    static final String RECEIPTS = "erasures";

    private ResultFiles() {
    }

    /** Sidecar files of the dataset directory that hold results (not the store, ledger, audit log or receipts). */
    static List<Path> inDataset(Path dir) {
        Set<String> own = Set.of(PrivacyLedger.LEDGER_FILE, PrivacyLedger.BUDGET_FILE, AuditLog.FILE, RECEIPTS);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String top = dir.relativize(p).getName(0).toString();
                if (!own.contains(top) && !DatasetDirectory.FILES.contains(top) && !top.startsWith(DatasetStore.DATABASE)
                        && !p.getFileName().toString().endsWith(STALE_SUFFIX)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    /** Removes lines naming any of {@code ids} and writes the stale note; returns the change of the file. */
    static Erasure.FileChange scrubAndMark(Path file, Collection<String> ids, String requestId) {
        String before = DatasetDirectory.sha256(file);
        List<Pattern> patterns = new ArrayList<>();
        for (String id : ids) {
            patterns.add(Pattern.compile("(?<![\\p{Alnum}_-])" + Pattern.quote(id) + "(?![\\p{Alnum}_-])"));
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Set<String> kept = new LinkedHashSet<>();
            StringBuilder out = new StringBuilder();
            int removed = 0;
            for (String line : text.split("(?<=\n)")) {
                boolean names = false;
                for (Pattern p : patterns) {
                    names |= p.matcher(line).find();
                }
                if (names) {
                    removed++;
                } else {
                    out.append(line);
                }
            }
            kept.add(file.toString());
            if (removed > 0) {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, out.toString(), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.writeString(file.resolveSibling(file.getFileName() + STALE_SUFFIX), "computed on data that held a "
                    + "user erased by request " + requestId + " (" + removed + " line(s) naming the user removed); "
                    + "supports and confidences still count that user's events: recompute this file\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
        return new Erasure.FileChange(file.toString(), before, DatasetDirectory.sha256(file));
    }
}
