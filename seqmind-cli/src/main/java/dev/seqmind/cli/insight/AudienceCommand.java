package dev.seqmind.cli.insight;

import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.audience.AudienceQuery;
import dev.seqmind.insight.audience.Audiences;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seqmind insight audience}: users who did A then B but not C, written with pseudonymised ids. */
@Command(name = "audience", mixinStandardHelpOptions = true,
        description = "Export the users who did the --did items in order and none of the --not items, as one CSV "
                + "column of pseudonymised ids; audiences below --min-users are refused.")
public final class AudienceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--did", required = true, split = ",", description = "Item ids the users reached in this order.")
    List<String> did;

    @Option(names = "--not", split = ",", description = "Item ids the users never touched.")
    List<String> not = List.of();

    @Option(names = "--min-users", defaultValue = "50", description = "Refuse audiences smaller than this "
            + "(default: ${DEFAULT-VALUE}).")
    int minUsers;

    @Option(names = "--key-file", description = "Pseudonymisation key when the dataset's ids are raw (else $"
            + "SEQMIND_PSEUDONYM_KEY).")
    Path keyFile;

    @Option(names = "--out", required = true, description = "The CSV file to write.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        SequenceDataset data = dataOptions.load(quiet);
        AudienceQuery query = new AudienceQuery(did, not);
        int[] users = Audiences.matching(data, query);
        Audiences.write(out, query.describe(), data, users, minUsers, InsightCommand.pseudonymizer(data, keyFile));
        if (!quiet) {
            spec.commandLine().getOut().printf("%d users (%s) written to %s%n", users.length, query.describe(), out);
        }
        return 0;
    }
}
