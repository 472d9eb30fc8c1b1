package dev.seqmind.data.privacy;

import dev.seqmind.data.error.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrivacyLedgerTest {
    @TempDir
    Path dir;

    @Test
    void chargesReleasesUntilTheBudgetAndRefusesTheNext() throws Exception {
        PrivacyLedger ledger = PrivacyLedger.of(dir);
        assertThat(ledger.budget()).isEqualTo(PrivacyLedger.DEFAULT_BUDGET);
        ledger.setBudget(new PrivacyCost(2, 1e-5));
        ledger.charge("mine sequences", new PrivacyCost(1, 1e-6), "laplace b=4");
        ledger.charge("mine rules", new PrivacyCost(0.5, 0), "laplace b=8");
        assertThat(ledger.spent().epsilon()).isCloseTo(1.5, within(1e-12));
        String before = Files.readString(ledger.ledgerFile());
        assertThatThrownBy(() -> ledger.charge("mine itemsets", new PrivacyCost(0.6, 0), "laplace"))
                .isInstanceOf(PrivacyBudgetExceededException.class)
                .hasMessageContaining("mine itemsets").hasMessageContaining("already spent");
        assertThat(Files.readString(ledger.ledgerFile())).isEqualTo(before);
        // Exactly the rest still fits; then nothing does.
        ledger.charge("last", new PrivacyCost(0.5, 0), "laplace");
        assertThatThrownBy(() -> ledger.charge("more", new PrivacyCost(1e-3, 0), "laplace"))
                .isInstanceOf(PrivacyBudgetExceededException.class);
        assertThat(PrivacyLedger.of(dir).entries()).extracting(LedgerEntry::what)
                .containsExactly("mine sequences", "mine rules", "last");
        assertThat(ledger.remaining().epsilon()).isCloseTo(0, within(1e-12));
    }

    @Test
    void deltaCountsAgainstTheBudgetToo() {
        PrivacyLedger ledger = PrivacyLedger.of(dir);
        ledger.setBudget(new PrivacyCost(100, 1e-6));
        assertThatThrownBy(() -> ledger.charge("gaussian", new PrivacyCost(0.1, 2e-6), "gaussian"))
                .isInstanceOf(PrivacyBudgetExceededException.class);
    }

    @Test
    void budgetCannotDropBelowWhatWasSpent() {
        PrivacyLedger ledger = PrivacyLedger.of(dir);
        ledger.charge("a", new PrivacyCost(3, 0), "laplace");
        assertThatThrownBy(() -> ledger.setBudget(new PrivacyCost(2, 1e-5)))
                .isInstanceOf(PrivacyBudgetExceededException.class);
    }

    @Test
    void damagedLedgerLineIsReportedWithItsLineNumber() throws Exception {
        PrivacyLedger ledger = PrivacyLedger.of(dir);
        ledger.charge("a", new PrivacyCost(1, 0), "laplace");
        Files.writeString(ledger.ledgerFile(), "not json\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(ledger::spent).isInstanceOf(InputFormatException.class)
                .hasMessageContaining(PrivacyLedger.LEDGER_FILE + ":2");
    }
}
