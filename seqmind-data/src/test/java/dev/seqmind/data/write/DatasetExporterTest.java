package dev.seqmind.data.write;

import dev.seqmind.data.SharedData;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.read.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.seqmind.data.ingest.IngestTestSupport.ingest;
import static dev.seqmind.data.ingest.IngestTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

class DatasetExporterTest {
    @TempDir
    Path dir;

    @Test
    void spmfRoundTripsARealDatabaseByteForByte() throws IOException {
        Path src = SharedData.file("spmf/SIGN.txt");
        SequenceDataset d = ingest(src, InputFormat.SPMF).dataset();
        Path out = new DatasetExporter().writeSpmf(d, dir.resolve("sign.txt"));
        List<String> expected = Files.readAllLines(src).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("@") && !l.startsWith("#")).toList();
        assertThat(Files.readAllLines(out)).isEqualTo(expected);
    }

    @Test
    void itemsetsComeFromEqualTimes() throws IOException {
        Path f = write(dir, "log.csv", "user,item,time\nu,9,1\nu,3,1\nu,9,2\nv,4,1\n");
        SequenceDataset d = ingest(f, InputFormat.CSV).dataset();
        Path out = new DatasetExporter().writeSpmf(d, dir.resolve("x.txt"));
        assertThat(Files.readAllLines(out)).containsExactly("3 9 -1 9 -1 -2", "4 -1 -2");
    }

    @Test
    void recBoleAndSasrecFilesReadBackToTheSameSequences() throws IOException {
        Path f = write(dir, "log.csv", "user,item,action,time\nalice,shoe,view,10\nalice,sock,buy,20\nbob,shoe,view,15\n");
        SequenceDataset d = ingest(f, InputFormat.CSV).dataset();
        DatasetExporter ex = new DatasetExporter();
        List<Path> rb = ex.export(d, ExportFormat.RECBOLE, dir.resolve("rb"));
        SequenceDataset back = ingest(rb.get(0), InputFormat.RECBOLE).dataset();
        assertThat(back.users().externalIds()).isEqualTo(d.users().externalIds());
        assertThat(back.items().externalIds()).isEqualTo(d.items().externalIds());
        assertThat(back.timesOf(0)).isEqualTo(d.timesOf(0));

        List<Path> sas = ex.export(d, ExportFormat.SASREC, dir.resolve("sas"));
        SequenceDataset s = ingest(sas.get(0), InputFormat.SASREC).dataset();
        assertThat(s.numInteractions()).isEqualTo(3);
        assertThat(s.itemsOf(0)).containsExactly(0, 1);
        assertThat(Files.readAllLines(sas.get(2))).containsExactly("item_index\titem_id", "1\tshoe", "2\tsock");
    }
}
