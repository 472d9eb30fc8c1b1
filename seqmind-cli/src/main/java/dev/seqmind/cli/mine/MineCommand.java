package dev.seqmind.cli.mine;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seqmind mine ...}: pattern and rule mining. */
@Command(name = "mine", mixinStandardHelpOptions = true,
        description = "Mine frequent itemsets, sequential patterns or sequential rules.",
        subcommands = {ItemsetsCommand.class, SequencesCommand.class, RulesCommand.class})
public final class MineCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
