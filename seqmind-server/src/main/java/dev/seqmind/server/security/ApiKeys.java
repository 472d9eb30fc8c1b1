package dev.seqmind.server.security;

import dev.seqmind.data.error.InputFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The key file: one key per line, {@code <role> <name> <sha256-hex of the key>}, {@code #} comments. Only hashes are
 * stored: keys are 32 random bytes (base64url), so an unsalted SHA-256 cannot be reversed. A presented key is hashed
 * and compared with every stored hash by {@link MessageDigest#isEqual} (constant time) without stopping at a match,
 * so the time taken does not say which key or how much of one matched. Immutable and thread-safe.
 */
public final class ApiKeys {
    /** A key's identity: its name (for logs and rate limits, never the key) and role. */
    public record Principal(String name, Role role) {
    }

    private record Entry(Principal principal, byte[] hash) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads a key file. */
    public static ApiKeys read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputFormatException(file.toString(), 0, "", "cannot read the key file: " + e.getMessage());
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 3) {
                throw new InputFormatException(file.toString(), i + 1, "", "expected '<role> <name> <sha256-hex>'");
            }
            Role role;
            try {
                role = Role.valueOf(f[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file.toString(), i + 1, "role", "'" + f[0]
                        + "' is not one of read, write, admin");
            }
            if (!f[2].matches("[0-9a-fA-F]{64}")) {
                throw new InputFormatException(file.toString(), i + 1, "hash", "not a SHA-256 hex digest (64 hex "
                        + "digits); the file stores hashes, never keys: use 'seqmind serve --new-key'");
            }
            out.add(new Entry(new Principal(f[1], role), HexFormat.of().parseHex(f[2])));
        }
        if (out.isEmpty()) {
            throw new InputFormatException(file.toString(), 0, "", "no keys in the key file");
        }
        return new ApiKeys(out);
    }

    /** The principal whose key is {@code presented}, checked against every entry in constant time per entry. */
    public Optional<Principal> check(String presented) {
        byte[] h = sha256(presented);
        Principal found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash(), h) && found == null) {
                found = e.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A new random key (32 bytes, base64url without padding). */
    public static String newKey(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The key file line for {@code key}. */
    public static String line(Role role, String name, String key) {
        return role.name().toLowerCase(Locale.ROOT) + " " + name + " " + HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
