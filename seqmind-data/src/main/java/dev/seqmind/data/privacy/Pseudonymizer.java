package dev.seqmind.data.privacy;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Replaces user ids with a keyed hash: {@code HMAC-SHA256(key, id)}, hex, truncated to 128 bits. The same key maps
 * the same user to the same pseudonym (so events that arrive later join the right sequence, and a deletion request
 * can find the user), while without the key the raw id cannot be recovered or confirmed. The key is read from a file
 * or an environment variable and never written with the data. Thread-safe: each call makes its own {@link Mac}.
 */
public final class Pseudonymizer {
    /** The environment variable read by {@link #fromEnvironment()}. */
    public static final String KEY_ENV = "SEQMIND_PSEUDONYM_KEY";
    private static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;

    public Pseudonymizer(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new SeqmindException("the pseudonymisation key has " + key.length + " bytes; use at least "
                    + MIN_KEY_BYTES + " random bytes (e.g. 'head -c 32 /dev/urandom | base64 > key')");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** Reads the key from a file (its bytes, trailing newline removed). */
    public static Pseudonymizer fromKeyFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
            return new Pseudonymizer(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new SeqmindException(file + ": cannot read the pseudonymisation key: " + e.getMessage(), e);
        }
    }

    /** Reads the key from {@value #KEY_ENV}. */
    public static Pseudonymizer fromEnvironment() {
        String value = System.getenv(KEY_ENV);
        if (value == null || value.isBlank()) {
            throw new SeqmindException("pseudonymisation is on but " + KEY_ENV + " is not set: set it or give --key-file");
        }
        return new Pseudonymizer(value.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of one external user id. */
    public String pseudonym(String userId) {
        return pseudonym(newMac(), userId);
    }

    private static String pseudonym(Mac mac, String userId) {
        byte[] h = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The same map with every external id replaced by its pseudonym (dense ids unchanged). */
    public IdMap apply(IdMap users) {
        List<String> out = new ArrayList<>(users.size());
        Mac mac = newMac();
        for (int u = 0; u < users.size(); u++) {
            out.add(pseudonym(mac, users.externalId(u)));
        }
        try {
            return IdMap.of(out);
        } catch (IllegalArgumentException e) {
            throw new SeqmindException("two user ids share a pseudonym (a 128-bit collision): " + e.getMessage());
        }
    }
}
