package dev.seqmind.rec.abtest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Assigns users to variants by a keyed hash: {@code u = HMAC-SHA256(salt, user id)}, its first 8 bytes read as an
 * unsigned number and scaled to {@code [0, 1)}, and the variant is the one whose cumulative share interval holds
 * {@code u}. Sticky (the same user always lands in the same variant), uniform, and independent across experiments
 * because every experiment has its own secret salt; without the salt nobody can steer or predict an assignment.
 * Thread-safe (a {@link Mac} per call).
 */
public final class Bucketing {
    private static final String ALG = "HmacSHA256";
    private final SecretKeySpec key;
    private final double[] cumulative;

    /**
     * @param salt    the experiment's secret (at least 16 bytes)
     * @param shares  each variant's share of traffic, in order, summing to 1
     */
    public Bucketing(byte[] salt, double[] shares) {
        if (salt.length < 16) {
            throw new IllegalArgumentException("the salt needs at least 16 bytes, got " + salt.length);
        }
        this.key = new SecretKeySpec(salt.clone(), ALG);
        this.cumulative = cumulative(shares);
    }

    /** A fresh random 32-byte salt. */
    public static byte[] newSalt(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    /** A salt from its hex text (at least 32 hex digits). */
    public static byte[] salt(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        if (b.length < 16) {
            throw new IllegalArgumentException("the salt needs at least 32 hex digits");
        }
        return b;
    }

    /** The user's position in {@code [0, 1)}. */
    public double unit(String user) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance(ALG);
            mac.init(key);
            h = mac.doFinal(user.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xff);
        }
        return (v >>> 11) * 0x1.0p-53; // top 53 bits: exactly representable, uniform in [0, 1)
    }

    /** The index of the user's variant. */
    public int variant(String user) {
        double u = unit(user);
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static double[] cumulative(double[] shares) {
        if (shares.length < 1) {
            throw new IllegalArgumentException("at least one variant is needed");
        }
        double[] c = new double[shares.length];
        double s = 0;
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] > 0 && shares[i] <= 1)) {
                throw new IllegalArgumentException("share " + i + " must be in (0, 1], got " + shares[i]);
            }
            s += shares[i];
            c[i] = s;
        }
        if (Math.abs(s - 1) > 1e-9) {
            throw new IllegalArgumentException("the shares must sum to 1, got " + s);
        }
        return c;
    }
}
