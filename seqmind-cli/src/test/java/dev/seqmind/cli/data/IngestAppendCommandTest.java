package dev.seqmind.cli.data;

import dev.seqmind.cli.CliRun;
import dev.seqmind.cli.console.ExitCodes;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.store.DatasetDirectory;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.seqmind.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class IngestAppendCommandTest {
    @TempDir
    Path tmp;

    @Test
    void appendsWithTheDatasetsRulesAndRefusesWhatItCannotKeep() throws IOException {
        Path day1 = Files.writeString(tmp.resolve("day1.csv"), """
                user,item,action,timestamp
                alice,shoe,view,1700000000
                alice,sock,buy,1700000100
                bob,shoe,view,1700000050
                """);
        Path day2 = Files.writeString(tmp.resolve("day2.csv"), """
                user,item,action,timestamp
                alice,sock,buy,1700000100
                carol,hat,view,1700090000
                bob,hat,view,1700000010
                """);
        Path ds = tmp.resolve("ds");
        assertThat(run("ingest", day1.toString(), "--dedup", "--out", ds.toString(), "-q").exit()).isZero();

        CliRun withRules = run("ingest", "--append", day2.toString(), "--dedup", "--out", ds.toString(), "-q");
        assertThat(withRules.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(withRules.err()).contains("dataset's own rules");

        CliRun r = run("ingest", "--append", day2.toString(), "--out", ds.toString(), "-q");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("duplicates").contains("older than the user's latest stored event")
                .contains("+2 events, now 3 users, 3 items, 5 events");
        SequenceDataset d = DatasetStore.open(ds);
        int bob = d.users().denseId("bob");
        assertThat(d.items().externalId(d.item(d.start(bob)))).as("late event in time order").isEqualTo("hat");

        String before = DatasetDirectory.sha256(ds.resolve("events.bin"));
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "user,item,timestamp\nu,i,1700000000\nu,j,later\n");
        CliRun strict = run("ingest", "--append", bad.toString(), "--strict", "--out", ds.toString(), "-q");
        assertThat(strict.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strict.err()).contains(bad + ":3: time");
        assertThat(DatasetDirectory.sha256(ds.resolve("events.bin"))).isEqualTo(before);
    }
}
