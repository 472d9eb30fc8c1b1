package dev.seqmind.mining;

import dev.seqmind.data.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinSupportTest {
    @Test
    void fractionRoundsUpLikeSpmfButIgnoresFloatingPointNoise() {
        assertThat(MinSupport.fraction(0.03).absolute(100)).isEqualTo(3);
        assertThat(MinSupport.fraction(0.03).absolute(36369)).isEqualTo(1092);
        assertThat(MinSupport.fraction(0.0008).absolute(59601)).isEqualTo(48);
        assertThat(MinSupport.fraction(0.5).absolute(3)).isEqualTo(2);
        assertThat(MinSupport.fraction(0.0001).absolute(10)).isEqualTo(1);
    }

    @Test
    void parseReadsIntegersAsCountsAndDecimalsAsFractions() {
        assertThat(MinSupport.parse("50").absolute(1000)).isEqualTo(50);
        assertThat(MinSupport.parse("0.01").absolute(1000)).isEqualTo(10);
        assertThat(MinSupport.parse("1.0").absolute(7)).isEqualTo(7);
    }

    @Test
    void outOfRangeFractionNamesTheParameterAndTheFix() {
        assertThatThrownBy(() -> MinSupport.parse("1.7")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("minSupport").hasMessageContaining("1.7").hasMessageContaining("absolute");
        assertThatThrownBy(() -> MinSupport.parse("abc")).isInstanceOf(InvalidParameterException.class);
    }
}
