package dev.seqmind.data.audit;

import dev.seqmind.data.error.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void appendsAndReadsBackInOrder() {
        AuditLog log = AuditLog.of(dir);
        assertThat(log.entries()).isEmpty();
        log.append("export", "spmf to /tmp/x");
        log.append("erase", "receipt erasures/abc.json");
        assertThat(AuditLog.of(dir).entries()).extracting(AuditEntry::action).containsExactly("export", "erase");
        assertThat(log.entries().get(1).detail()).isEqualTo("receipt erasures/abc.json");
    }

    @Test
    void damagedLineIsNamed() throws Exception {
        AuditLog log = AuditLog.of(dir);
        log.append("admin", "x");
        Files.writeString(log.file(), "{oops\n", StandardOpenOption.APPEND);
        assertThatThrownBy(log::entries).isInstanceOf(InputFormatException.class).hasMessageContaining("audit.jsonl:2");
    }
}
