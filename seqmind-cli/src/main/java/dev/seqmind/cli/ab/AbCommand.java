package dev.seqmind.cli.ab;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seqmind ab}: the A/B test tools. */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = "A/B tests of recommenders: size one, replay a held-out log offline, or replay it through a "
                + "running server's experiment.",
        subcommands = {AbSizeCommand.class, AbReplayCommand.class, AbSimulateCommand.class})
public final class AbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
