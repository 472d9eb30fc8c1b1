package dev.seqmind.data.privacy;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.write.DatasetExporter;
import dev.seqmind.data.write.ExportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.data.ingest.IngestTestSupport.ingest;
import static dev.seqmind.data.ingest.IngestTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymizerTest {
    private static final byte[] KEY = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void sameKeySamePseudonymOtherKeyOther() {
        Pseudonymizer a = new Pseudonymizer(KEY);
        assertThat(a.pseudonym("alice")).isEqualTo(new Pseudonymizer(KEY).pseudonym("alice")).hasSize(32)
                .isNotEqualTo(a.pseudonym("bob"));
        assertThat(new Pseudonymizer("another-key-of-16-bytes".getBytes()).pseudonym("alice"))
                .isNotEqualTo(a.pseudonym("alice"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new Pseudonymizer("short".getBytes())).isInstanceOf(SeqmindException.class)
                .hasMessageContaining("at least 16");
    }

    @Test
    void noRawUserIdReachesTheDatasetOrItsExports() throws IOException {
        Path f = write(dir, "log.csv", "user,item,time\nalice@example.com,i1,1\nbob-1234,i2,2\n");
        IngestSpec spec = IngestSpec.of("t", InputSpec.of(f, InputFormat.CSV)).withPseudonymizer(new Pseudonymizer(KEY));
        SequenceDataset d = ingest(spec).dataset();
        assertThat(d.info().pseudonymised()).isTrue();
        assertThat(d.users().externalIds()).doesNotContain("alice@example.com", "bob-1234")
                .contains(new Pseudonymizer(KEY).pseudonym("alice@example.com"));
        for (ExportFormat format : ExportFormat.values()) {
            for (Path out : new DatasetExporter().export(d, format, dir.resolve("out-" + format))) {
                String text = Files.readString(out);
                assertThat(text).doesNotContain("alice").doesNotContain("bob-1234");
            }
        }
    }
}
