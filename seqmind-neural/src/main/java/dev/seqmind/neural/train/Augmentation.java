package dev.seqmind.neural.train;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Sequence augmentation for training (the operators of CL4SRec, Xie et al., 2022, used as data augmentation): at
 * every step each training sequence is, with probability {@code probability}, replaced by one view made by one of
 * the enabled operators, chosen uniformly:
 * <ul>
 *   <li>crop {@code eta}: a random contiguous run of {@code ceil(eta * n)} items;</li>
 *   <li>reorder {@code beta}: a random contiguous run of {@code floor(beta * n)} items shuffled in place;</li>
 *   <li>drop {@code gamma}: {@code floor(gamma * n)} random items removed. CL4SRec's "mask" puts a mask token in
 *       their place; the next-item models here have no such token, so the items are left out instead.</li>
 * </ul>
 * A view keeps at least 2 items (a training row needs an input and a target). A rate of 0 disables its operator;
 * {@link #NONE} changes nothing.
 *
 * @param probability chance that a sequence is augmented in a step, in [0, 1]
 * @param crop        crop's kept share eta, 0 (off) or in (0, 1)
 * @param reorder     reorder's shuffled share beta, in [0, 1)
 * @param drop        drop's removed share gamma, in [0, 1)
 */
public record Augmentation(float probability, float crop, float reorder, float drop) {
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0);

    public Augmentation {
        check("augment probability", probability, 0, 1, true);
        check("crop", crop, 0, 1, false);
        check("reorder", reorder, 0, 1, false);
        check("drop", drop, 0, 1, false);
    }

    private static void check(String name, float v, float lo, float hi, boolean hiIncluded) {
        if (!(v >= lo && (hiIncluded ? v <= hi : v < hi))) {
            throw new InvalidParameterException(name, v, "in [" + lo + ", " + hi + (hiIncluded ? "]" : ")"));
        }
    }

    /**
     * Parses {@code crop:0.6,reorder:0.3,drop:0.2} (any subset; empty or {@code none} for none).
     *
     * @throws InvalidParameterException naming {@code --augment} and the part that is wrong
     */
    public static Augmentation parse(String spec, float probability) {
        float c = 0;
        float r = 0;
        float d = 0;
        if (spec != null && !spec.isBlank() && !spec.equalsIgnoreCase("none")) {
            for (String part : spec.split(",")) {
                String[] kv = part.trim().split(":");
                float v;
                try {
                    v = kv.length == 2 ? Float.parseFloat(kv[1]) : Float.NaN;
                } catch (NumberFormatException e) {
                    v = Float.NaN;
                }
                if (Float.isNaN(v)) {
                    throw new InvalidParameterException("--augment", part, "OPERATOR:RATE, e.g. crop:0.6");
                }
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "crop" -> c = v;
                    case "reorder" -> r = v;
                    case "drop" -> d = v;
                    default -> throw new InvalidParameterException("--augment", part, "crop, reorder or drop");
                }
            }
        }
        return new Augmentation(c > 0 || r > 0 || d > 0 ? probability : 0, c, r, d);
    }

    /** Whether any sequence can change. */
    public boolean enabled() {
        return probability > 0 && (crop > 0 || reorder > 0 || drop > 0);
    }

    /**
     * {@code rows[from, to)}, each replaced by a view with probability {@link #probability} (the arrays of rows left
     * as they are are shared, never modified).
     */
    public int[][] apply(int[][] rows, int from, int to, SplittableRandom rng) {
        int[][] out = Arrays.copyOfRange(rows, from, to);
        if (!enabled()) {
            return out;
        }
        List<Character> ops = new ArrayList<>(3);
        if (crop > 0) {
            ops.add('c');
        }
        if (reorder > 0) {
            ops.add('r');
        }
        if (drop > 0) {
            ops.add('d');
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i].length <= 2 || rng.nextDouble() >= probability) {
                continue;
            }
            out[i] = switch (ops.get(rng.nextInt(ops.size()))) {
                case 'c' -> crop(out[i], crop, rng);
                case 'r' -> reorder(out[i], reorder, rng);
                default -> drop(out[i], drop, rng);
            };
        }
        return out;
    }

    static int[] crop(int[] s, float eta, SplittableRandom rng) {
        int keep = Math.max(2, (int) Math.ceil(eta * s.length));
        int start = rng.nextInt(s.length - keep + 1);
        return Arrays.copyOfRange(s, start, start + keep);
    }

    static int[] reorder(int[] s, float beta, SplittableRandom rng) {
        int len = (int) Math.floor(beta * s.length);
        int[] v = s.clone();
        if (len < 2) {
            return v;
        }
        int start = rng.nextInt(s.length - len + 1);
        for (int i = len - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = v[start + i];
            v[start + i] = v[start + j];
            v[start + j] = t;
        }
        return v;
    }

    static int[] drop(int[] s, float gamma, SplittableRandom rng) {
        int remove = Math.min(s.length - 2, (int) Math.floor(gamma * s.length));
        boolean[] gone = new boolean[s.length];
        for (int k = 0; k < remove; ) {
            int p = rng.nextInt(s.length);
            if (!gone[p]) {
                gone[p] = true;
                k++;
            }
        }
        int[] v = new int[s.length - remove];
        int n = 0;
        for (int p = 0; p < s.length; p++) {
            if (!gone[p]) {
                v[n++] = s[p];
            }
        }
        return v;
    }
}
