package dev.seqmind.data.collect;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnIdMapperTest {
    /** Whatever mix of small, huge, negative and non-numeric ids arrives, ids are first-seen order and text-exact. */
    @Property(tries = 200)
    void assignsFirstSeenIdsInEveryMode(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int n) {
        SplittableRandom r = new SplittableRandom(seed);
        ColumnIdMapper m = new ColumnIdMapper(4);
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<Integer> got = new ArrayList<>();
        List<Integer> want = new ArrayList<>();
        int mode = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String text = switch (r.nextInt(mode == 0 ? 1 : mode == 1 ? 2 : mode == 2 ? 3 : 4)) {
                case 0 -> Long.toString(r.nextInt(500));
                case 1 -> Long.toString(r.nextLong(0, 1L << 40));
                case 2 -> Long.toString(-r.nextInt(1, 50));
                default -> "id-" + r.nextInt(100);
            };
            want.add(expected.computeIfAbsent(text, k -> expected.size()));
            long c = CanonicalNumber.parse(text);
            got.add(c != CanonicalNumber.NOT_CANONICAL && r.nextBoolean() ? m.id(c) : m.id(text));
        }
        assertThat(got).isEqualTo(want);
        assertThat(m.build().externalIds()).containsExactlyElementsOf(expected.keySet());
    }
}
