package dev.seqmind.data.store;

import dev.seqmind.data.model.DatasetFingerprint;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A dataset directory as a {@link UserStore}: erasing users loads the dataset, drops their sequences and their
 * entries in the user id map (dense ids of later users shift down), and saves it again through
 * {@link DatasetStore#save}, which writes {@code events.bin}, {@code names.bin}, the DuckDB mirror and
 * {@code dataset.json} afresh into a new directory and renames it into place, so no page of the old files (DuckDB
 * free blocks included) survives in the directory. Sidecar files (ledger, audit log, receipts) are carried over;
 * items only the erased users touched stay in the item map (they identify items, not people). Not thread-safe with
 * other writers of the same directory.
 *
 * @param dir the dataset directory
 */
public record DatasetDirectory(Path dir) implements UserStore {
    /** The files this store rewrites on erasure. */
    public static final List<String> FILES = List.of(DatasetStore.MANIFEST, DatasetStore.EVENTS, DatasetStore.NAMES,
            DatasetStore.DATABASE);

    @Override
    public String describe() {
        return dir.toAbsolutePath().normalize().toString();
    }

    public SequenceDataset open() {
        return DatasetStore.open(dir);
    }

    public DatasetFingerprint fingerprint() {
        return DatasetStore.readInfo(dir).fingerprint();
    }

    @Override
    public Erasure eraseUsers(Set<String> storedIds) {
        SequenceDataset data = DatasetStore.open(dir);
        boolean[] drop = new boolean[data.numUsers()];
        int found = 0;
        long events = 0;
        for (String id : storedIds) {
            int u = data.users().denseId(id);
            if (u != IdMap.ABSENT && !drop[u]) {
                drop[u] = true;
                found++;
                events += data.length(u);
            }
        }
        if (found == 0) {
            return new Erasure(describe(), 0, 0, List.of());
        }
        List<String> before = hashes();
        SequenceDataset kept = without(data, drop, found);
        DatasetStore.save(kept, dir);
        List<String> after = hashes();
        List<Erasure.FileChange> changes = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            changes.add(new Erasure.FileChange(dir.resolve(FILES.get(i)).toString(), before.get(i), after.get(i)));
        }
        return new Erasure(describe(), found, events, changes);
    }

    /** The dataset without the users marked in {@code drop}. */
    static SequenceDataset without(SequenceDataset d, boolean[] drop, int dropped) {
        int users = d.numUsers() - dropped;
        int[] offsets = new int[users + 1];
        long n = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            n += drop[u] ? 0 : d.length(u);
        }
        int[] items = new int[(int) n];
        long[] times = new long[(int) n];
        byte[] actions = new byte[(int) n];
        boolean[] keep = new boolean[d.numUsers()];
        int w = 0;
        int v = 0;
        for (int u = 0; u < d.numUsers(); u++) {
            if (drop[u]) {
                continue;
            }
            keep[u] = true;
            for (int i = d.start(u); i < d.end(u); i++) {
                items[w] = d.item(i);
                times[w] = d.time(i);
                actions[w] = (byte) d.action(i);
                w++;
            }
            offsets[++v] = w;
        }
        return new SequenceDataset(d.users().retain(keep), d.items(), d.actions(), offsets, items, times, actions,
                d.catalog(), d.info().withStep("erasure: " + dropped + " user(s) removed on request"));
    }

    private List<String> hashes() {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            out.add(sha256(dir.resolve(f)));
        }
        return out;
    }

    /** SHA-256 of a file in hex, or "" when it does not exist. */
    public static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
