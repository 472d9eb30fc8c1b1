package dev.seqmind.cli.data;

import dev.seqmind.cli.ExitCodes;
import dev.seqmind.cli.SeqmindCommand;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SeqmindCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

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
        Run r = run("ingest", log.toString(), "--dedup", "--out", ds.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("too few fields").contains("exact duplicate").contains(log + ":3")
                .contains("2 users, 2 items, 3 events");
        SequenceDataset d = DatasetStore.open(ds);
        assertThat(d.numInteractions()).isEqualTo(3);

        Run ex = run("export", "--dataset", ds.toString(), "--format", "spmf", "--out", tmp.resolve("x").toString());
        assertThat(ex.exit()).as(ex.err()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("x.txt"))).containsExactly("1 -1 2 -1 -2", "1 -1 -2");
    }

    @Test
    void strictModeFailsWithFileLineFieldAndTheBadInputExitCode() throws IOException {
        Path log = Files.writeString(tmp.resolve("log.csv"), "user,item,time\nu,i,1\nu,j,later\n");
        Run r = run("ingest", log.toString(), "--strict", "--out", tmp.resolve("ds").toString(), "-q");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("seqmind ingest: " + log + ":3: time: not a auto timestamp: 'later'");
        assertThat(tmp.resolve("ds")).doesNotExist();
    }

    @Test
    void missingFileAndBadOptionsGiveOneLineAndAnExitCode() {
        Run missing = run("ingest", tmp.resolve("nope.csv").toString(), "--out", tmp.resolve("ds").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception");
        Run badFormat = run("ingest", "x.csv", "--format", "excel", "--out", tmp.resolve("ds").toString());
        assertThat(badFormat.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("--format must be one of");
    }
}
