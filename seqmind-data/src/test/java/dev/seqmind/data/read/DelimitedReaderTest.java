package dev.seqmind.data.read;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.model.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static dev.seqmind.data.ingest.IngestTestSupport.ingest;
import static dev.seqmind.data.ingest.IngestTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelimitedReaderTest {
    @TempDir
    Path dir;

    @Test
    void csvWithHeaderFindsColumnsByCommonNames() throws IOException {
        Path f = write(dir, "log.csv", """
                timestamp,user_id,event,item_id
                2024-05-01T10:00:00Z,alice,view,"Blue, Shirt"
                1714557600,alice,buy,"Blue, Shirt"
                1714557599000,bob,view,42
                """);
        SequenceDataset d = ingest(f, InputFormat.CSV).dataset();
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.items().contains("Blue, Shirt")).isTrue();
        int alice = d.users().denseId("alice");
        assertThat(d.timesOf(alice)).containsExactly(1714557600000L, 1714557600000L);
        assertThat(d.actions().externalId(d.actionsOf(alice)[1])).isEqualTo("buy");
        int bob = d.users().denseId("bob");
        assertThat(d.timesOf(bob)).containsExactly(1714557599000L);
    }

    @Test
    void malformedRowsAreCountedWithFileLineAndReason() throws IOException {
        Path f = write(dir, "log.csv", """
                user,item,time
                u1,i1,100
                u1,,101
                u2,i2,yesterday
                u3
                u3,i3,103
                """);
        IngestResult r = ingest(f, InputFormat.CSV);
        StepReport read = r.report().steps().get(0);
        assertThat(read.rowsIn()).isEqualTo(5);
        assertThat(read.rowsOut()).isEqualTo(2);
        assertThat(read.drops()).extracting(StepReport.Drop::reason)
                .containsExactly("missing item", "bad timestamp", "too few fields");
        assertThat(read.drops().get(1).examples().get(0)).isEqualTo(f + ":4: time: not a timestamp (epoch seconds, epoch millis or ISO-8601): 'yesterday'");
    }

    @Test
    void strictModeStopsAtTheFirstBadRowNamingFileLineAndField() throws IOException {
        Path f = write(dir, "log.csv", "user,item,time\nu1,i1,100\nu2,i2,soon\n");
        IngestSpec spec = IngestSpec.of("t", InputSpec.of(f, InputFormat.CSV)).withStrict(true);
        assertThatThrownBy(() -> ingest(spec)).isInstanceOf(InputFormatException.class)
                .hasMessage(f + ":3: time: not a timestamp (epoch seconds, epoch millis or ISO-8601): 'soon'");
    }

    @Test
    void gzipIsReadTransparently() throws IOException {
        Path f = dir.resolve("u.data.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("1\t10\t5\t881250949\n2\t10\t3\t881250950\n".getBytes());
        }
        SequenceDataset d = ingest(f, InputFormat.detect(f)).dataset();
        assertThat(d.numInteractions()).isEqualTo(2);
        assertThat(d.actions().externalIds()).containsExactly("5", "3");
    }

    @Test
    void binaryAndEmptyFilesGiveOneClearError() throws IOException {
        Path bin = dir.resolve("x.csv");
        Files.write(bin, new byte[] {'u', 0, 1, 2, 3});
        assertThatThrownBy(() -> ingest(bin, InputFormat.CSV)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("binary data");
        Path empty = write(dir, "e.csv", "");
        assertThatThrownBy(() -> ingest(empty, InputFormat.CSV)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void wrongDelimiterNamesTheMissingColumn() throws IOException {
        Path f = write(dir, "log.csv", "user;item;time\nu1;i1;100\n");
        assertThatThrownBy(() -> ingest(f, InputFormat.CSV)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("no column").hasMessageContaining("delimiter");
    }

    @Test
    void jsonLinesWithNestedFieldsAndIsoTimes() throws IOException {
        Path f = write(dir, "events.jsonl", """
                {"user_id": "a", "item_id": 7, "event": "view", "timestamp": "2024-01-01T00:00:01Z"}
                {"user_id": "a", "item_id": 8, "event": "cart", "timestamp": 1704067202}
                not json
                {"user_id": "b"}
                """);
        IngestResult r = ingest(f, InputFormat.JSONL);
        assertThat(r.dataset().numInteractions()).isEqualTo(2);
        assertThat(r.dataset().timesOf(0)).containsExactly(1704067201000L, 1704067202000L);
        assertThat(r.report().steps().get(0).dropped()).isEqualTo(2);
    }

    @Test
    void equalTimestampsKeepFileOrderAcrossUsersInterleaved() throws IOException {
        Path f = write(dir, "log.csv", "user,item,time\nu,c,5\nv,x,1\nu,a,5\nu,b,1\n");
        SequenceDataset d = ingest(f, InputFormat.CSV).dataset();
        int u = d.users().denseId("u");
        assertThat(Arrays.stream(d.itemsOf(u)).mapToObj(i -> d.items().externalId(i))).containsExactly("b", "c", "a");
    }
}
