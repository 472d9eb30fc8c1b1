package dev.seqmind.rec.store;

import dev.seqmind.data.model.SequenceDataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A content hash of a dataset: SHA-256 over every user's external id and events (external item id, time, action)
 * in the dataset's order, printed as {@code sha256:<first 16 hex digits>}. Equal data in the same order gives the
 * same fingerprint whatever the dense ids.
 */
public final class DatasetFingerprint {
    private DatasetFingerprint() {
    }

    public static String of(SequenceDataset data) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        byte[][] itemBytes = new byte[data.numItems()][];
        for (int i = 0; i < itemBytes.length; i++) {
            itemBytes[i] = (data.items().externalId(i) + "\u0000").getBytes(StandardCharsets.UTF_8);
        }
        byte[][] actionBytes = new byte[data.actions().size()][];
        for (int a = 0; a < actionBytes.length; a++) {
            actionBytes[a] = (data.actions().externalId(a) + "\u0000").getBytes(StandardCharsets.UTF_8);
        }
        byte[] buf = new byte[8];
        for (int u = 0; u < data.numUsers(); u++) {
            md.update((data.users().externalId(u) + "\u0001").getBytes(StandardCharsets.UTF_8));
            for (int e = data.start(u); e < data.end(u); e++) {
                md.update(itemBytes[data.item(e)]);
                long t = data.time(e);
                for (int b = 0; b < 8; b++) {
                    buf[b] = (byte) (t >>> (8 * b));
                }
                md.update(buf);
                md.update(actionBytes[data.action(e)]);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}
