package dev.seqmind.cli.data;

import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ingestsCleansAndWritesADatasetThatExportReads() throws IOException {
        Path log = Files.writeString(tmp.resolve("log.csv"), """
                user,item,action,timestamp
                alice,shoe,view,1700000000
                alice,shoe,view,1700000000
                alice,sock,buy,1700000100
                bob,shoe,view,1700000050
                bob,hat
                """);
        Path ds = tmp.resolve("ds");
        CliRun r = run("ingest", log.toString(), "--dedup", "--out", ds.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("too few fields").contains("exact duplicate").contains(log + ":3")
                .contains("2 users, 2 items, 3 events");
        SequenceDataset d = DatasetStore.open(ds);
        assertThat(d.numInteractions()).isEqualTo(3);

        CliRun ex = run("export", "--dataset", ds.toString(), "--format", "spmf", "--out", tmp.resolve("x").toString());
        assertThat(ex.exit()).as(ex.err()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("x.txt"))).containsExactly("1 -1 2 -1 -2", "1 -1 -2");
    }

    @Test
    void strictModeFailsWithFileLineFieldAndTheBadInputExitCode() throws IOException {
        Path log = Files.writeString(tmp.resolve("log.csv"), "user,item,time\nu,i,1714557600\nu,j,later\n");
        CliRun r = run("ingest", log.toString(), "--strict", "--out", tmp.resolve("ds").toString(), "-q");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("seqmind ingest: " + log + ":3: time: not a timestamp (epoch seconds, epoch millis or ISO-8601): 'later'");
        assertThat(tmp.resolve("ds")).doesNotExist();
    }

    @Test
    void missingFileAndBadOptionsGiveOneLineAndAnExitCode() {
        CliRun missing = run("ingest", tmp.resolve("nope.csv").toString(), "--out", tmp.resolve("ds").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception");
        CliRun badFormat = run("ingest", "x.csv", "--format", "excel", "--out", tmp.resolve("ds").toString());
        assertThat(badFormat.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("'--format': expected one of [auto, csv").contains("'excel'");
    }
}
