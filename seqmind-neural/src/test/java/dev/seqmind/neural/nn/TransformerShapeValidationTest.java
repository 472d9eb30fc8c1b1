package dev.seqmind.neural.nn;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.neural.bert4rec.Bert4RecConfig;
import dev.seqmind.neural.sasrec.SasRecConfig;
import dev.seqmind.neural.sasrec.SasRecLoss;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformerShapeValidationTest {
    @Test
    void bothTransformerConfigsRejectTheSameBadShapes() {
        assertThatThrownBy(() -> new SasRecConfig(64, 2, 3, 0.1f, 200, SasRecLoss.FULL_SOFTMAX, 10))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("heads must be a divisor of dim=64");
        assertThatThrownBy(() -> new Bert4RecConfig(64, 256, 2, 3, 0.1f, 200, 0.2f))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("heads must be a divisor of dim=64");
        assertThatThrownBy(() -> new SasRecConfig(64, 0, 1, 0.1f, 200, SasRecLoss.FULL_SOFTMAX, 10))
                .hasMessageStartingWith("blocks must be in [1, 64]");
        assertThatThrownBy(() -> new Bert4RecConfig(64, 256, 2, 2, 1f, 200, 0.2f))
                .hasMessageStartingWith("dropout must be in [0, 1)");
        assertThatThrownBy(() -> new Bert4RecConfig(64, 256, 2, 2, Float.NaN, 200, 0.2f))
                .hasMessageStartingWith("dropout must be in [0, 1)");
        assertThatThrownBy(() -> new SasRecConfig(0, 2, 1, 0.1f, 200, SasRecLoss.FULL_SOFTMAX, 10))
                .hasMessageStartingWith("dim must be in [1, 4096]");
    }

    @Test
    void modelSpecificChecksStillRunAfterTheSharedOnes() {
        assertThatThrownBy(() -> new Bert4RecConfig(64, 256, 2, 2, 0.1f, 1, 0.2f))
                .hasMessageStartingWith("maxLength must be in [2, 100000]");
        assertThatThrownBy(() -> new SasRecConfig(64, 2, 1, 0.1f, 200, null, 10))
                .hasMessageStartingWith("loss must be one of");
        assertThatCode(SasRecConfig::sasRecPlus).doesNotThrowAnyException();
        assertThatCode(Bert4RecConfig::defaults).doesNotThrowAnyException();
    }
}
