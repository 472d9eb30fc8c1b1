package dev.seqmind.data.write;

import dev.seqmind.data.SharedData;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.read.ColumnMapping;
import dev.seqmind.data.read.ColumnRef;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.read.ItemTableReader;
import dev.seqmind.data.read.TimeFormat;
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
        assertThat(sas).hasSize(3);
        SequenceDataset s = ingest(sas.get(0), InputFormat.SASREC).dataset();
        assertThat(s.numInteractions()).isEqualTo(3);
        assertThat(s.itemsOf(0)).containsExactly(0, 1);
        assertThat(Files.readAllLines(sas.get(2))).containsExactly("item_index\titem_id", "1\tshoe", "2\tsock");
    }

    @Test
    void recBoleItemFileRoundTripsTitlesAndCategories() throws IOException {
        Path f = write(dir, "log.csv", "user,item,time\nu,shoe,1\n");
        Path items = write(dir, "items.tsv", "item_id\ttitle\tgenres\nshoe\tRed Running Shoe\tSports|Running Gear\n");
        SequenceDataset d = ingest(IngestSpec.of("t",
                InputSpec.of(f, InputFormat.CSV)).withItemFiles(List.of(
                new IngestSpec.ItemFile(items, ItemTableReader
                        .withHeader("\t", "item_id", "title", "genres", "\\|"))))).dataset();
        List<Path> rb = new DatasetExporter().export(d, ExportFormat.RECBOLE, dir.resolve("rb"));
        var catalog = ItemTableReader.recBoleItems("title", "categories").read(rb.get(1));
        assertThat(catalog.get("shoe").title()).isEqualTo("Red Running Shoe");
        assertThat(catalog.get("shoe").categories()).containsExactly("Sports", "Running_Gear");
    }

    @Test
    void headerlessCsvMapsColumnsByIndex() throws IOException {
        Path f = write(dir, "log.csv", "1700000000,u1,i1,buy\n1700000001,u1,i2,view\n");
        var columns = new ColumnMapping(ColumnRef.byIndex(1),
                ColumnRef.byIndex(2), ColumnRef.byIndex(3),
                ColumnRef.byIndex(0), null);
        SequenceDataset d = ingest(IngestSpec.of("t", new InputSpec(f,
                InputFormat.CSV, columns, TimeFormat.EPOCH_SECONDS))).dataset();
        assertThat(d.numInteractions()).isEqualTo(2);
        assertThat(d.actions().externalIds()).containsExactly("buy", "view");
        assertThat(d.timesOf(0)).containsExactly(1_700_000_000_000L, 1_700_000_001_000L);
    }
}
