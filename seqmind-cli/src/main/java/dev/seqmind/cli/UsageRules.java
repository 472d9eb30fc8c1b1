package dev.seqmind.cli;

import dev.seqmind.cli.console.ExitCodes;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line's shared usage rules, applied once to the whole command tree: enum values match
 * case-insensitively, an option with a fixed set of values (its completion candidates)
 * rejects any other before the command runs, and a usage error is one line plus where to find help (exit 2).
 */
final class UsageRules {
    private UsageRules() {
    }

    static void apply(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(UsageRules::oneLine);
        cl.setExecutionStrategy(parseResult -> {
            checkChoices(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
    }

    private static int oneLine(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        if (ex.getArgSpec() instanceof OptionSpec o && o.type().isEnum() && message.contains("cannot convert")) {
            List<String> allowed = new ArrayList<>();
            for (Object c : o.type().getEnumConstants()) {
                allowed.add(c.toString().toLowerCase(Locale.ROOT));
            }
            message = "Invalid value for option '" + o.longestName() + "': expected one of " + allowed + " but was '"
                    + ex.getValue() + "'";
        }
        cl.getErr().println(name + ": " + message);
        cl.getErr().println("Try '" + name + " --help' for the options and their allowed values.");
        return ExitCodes.USAGE;
    }

    /**
     * Rejects a value outside an option's completion candidates (compared case-insensitively, on the part before an
     * {@code @} or {@code :}).
     */
    private static void checkChoices(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            for (ArgSpec arg : pr.matchedArgs()) {
                if (!(arg instanceof OptionSpec option) || option.completionCandidates() == null
                        || option.type().isEnum()) {
                    continue;
                }
                List<String> allowed = new ArrayList<>();
                option.completionCandidates().forEach(c -> allowed.add(c.toLowerCase(Locale.ROOT)));
                for (String value : option.stringValues()) {
                    for (String part : option.splitRegex().isEmpty() ? new String[] {value}
                            : value.split(option.splitRegex())) {
                        // a model's settings follow its name: content-knn@bge-small-zh, cold-blend:0.5:0.3:0.2
                        String base = part.trim().toLowerCase(Locale.ROOT).replaceFirst("[@:].*", "");
                        if (!part.isBlank() && !allowed.contains(base)) {
                            throw new CommandLine.ParameterException(pr.commandSpec().commandLine(),
                                    "Invalid value for option '" + option.longestName() + "': expected one of "
                                            + allowed + " but was '" + part + "'", option, part);
                        }
                    }
                }
            }
        }
    }
}
