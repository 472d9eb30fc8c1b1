package dev.seqmind.cli;

import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.data.error.CancelledException;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.mining.BudgetExceededException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of failure leaves with the exit code README promises. */
class ExitCodesTest {
    @Test
    void eachFailureKindHasItsExitCode() {
        assertThat(ErrorHandler.exitCode(new InvalidParameterException("--k", 0, ">= 1"))).isEqualTo(ExitCodes.USAGE);
        assertThat(ErrorHandler.exitCode(new InputFormatException("f", 1, "x", "bad"))).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ErrorHandler.exitCode(new CancelledException("stopped"))).isEqualTo(ExitCodes.INTERRUPTED)
                .isEqualTo(130);
        assertThat(ErrorHandler.exitCode(new BudgetExceededException("over --max-patterns", 10)))
                .isEqualTo(ExitCodes.BUDGET_EXCEEDED);
        assertThat(ErrorHandler.exitCode(new IllegalStateException("bug"))).isEqualTo(ExitCodes.INTERNAL);
    }
}
