package dev.seqmind.rec.abtest;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BucketingTest {
    private static final byte[] SALT_A = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SALT_B = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");

    @Test
    void theUnitIsTheHmacsFirstBytes() throws Exception {
        // independent oracle: HMAC-SHA256(key, "alice"), top 53 bits of the first 8 bytes over 2^53
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SALT_A, "HmacSHA256"));
        byte[] h = mac.doFinal("alice".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.math.BigInteger first8 = new java.math.BigInteger(1, java.util.Arrays.copyOf(h, 8));
        double expected = first8.shiftRight(11).doubleValue() / Math.pow(2, 53);
        assertThat(new Bucketing(SALT_A, new double[] {1}).unit("alice")).isEqualTo(expected);
    }

    @Test
    void stickyAndSplitByTheShares() {
        Bucketing b = new Bucketing(SALT_A, new double[] {0.2, 0.3, 0.5});
        int[] counts = new int[3];
        int n = 30_000;
        for (int u = 0; u < n; u++) {
            int v = b.variant("user-" + u);
            assertThat(new Bucketing(SALT_A, new double[] {0.2, 0.3, 0.5}).variant("user-" + u)).isEqualTo(v);
            counts[v]++;
        }
        // binomial sd at n = 30000 is at most 0.0029; 5 sd
        assertThat(counts[0] / (double) n).isCloseTo(0.2, within(0.015));
        assertThat(counts[1] / (double) n).isCloseTo(0.3, within(0.015));
        assertThat(counts[2] / (double) n).isCloseTo(0.5, within(0.015));
    }

    @Test
    void independentAcrossExperiments() {
        Bucketing a = new Bucketing(SALT_A, new double[] {0.5, 0.5});
        Bucketing b = new Bucketing(SALT_B, new double[] {0.5, 0.5});
        long[][] table = new long[2][2];
        int n = 20_000;
        for (int u = 0; u < n; u++) {
            table[a.variant("u" + u)][b.variant("u" + u)]++;
        }
        // chi-square of the 2x2 table against independence, 1 degree of freedom: below 10.83 (p = 0.001)
        double chi = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double e = (double) (table[i][0] + table[i][1]) * (table[0][j] + table[1][j]) / n;
                chi += (table[i][j] - e) * (table[i][j] - e) / e;
            }
        }
        assertThat(chi).isLessThan(10.83);
        // and the same salt gives the very same split (not independent): a sanity check of the statistic
        Bucketing same = new Bucketing(SALT_A, new double[] {0.5, 0.5});
        for (int u = 0; u < 100; u++) {
            assertThat(same.variant("u" + u)).isEqualTo(a.variant("u" + u));
        }
    }

    @Test
    void refusesBadSharesAndShortSalts() {
        assertThatThrownBy(() -> new Bucketing(SALT_A, new double[] {0.5, 0.4})).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new Bucketing(SALT_A, new double[] {1.5, -0.5})).hasMessageContaining("share");
        assertThatThrownBy(() -> new Bucketing(new byte[4], new double[] {1})).hasMessageContaining("salt");
        assertThat(Bucketing.newSalt(new SecureRandom())).hasSize(32);
    }
}
