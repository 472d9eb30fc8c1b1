package dev.seqmind.cli;

import dev.seqmind.cli.console.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every option of every command: each says what it does, and each option with a fixed set of values (an enum or
 * a list of choices) rejects a bogus value with exit 2, one line naming the value and the allowed ones, and no stack
 * trace, before the command touches any file.
 */
class CommandLineRulesTest {
    private static final String BOGUS = "bogus-value";

    @Test
    void everyOptionOfEveryCommandHasADescription() {
        List<String> missing = new ArrayList<>();
        forEachCommand(SeqmindCommand.commandLine(), cl -> {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                String d = String.join(" ", o.description());
                if (d.isBlank()) {
                    missing.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
                // sentences glued together by string concatenation ("directly).Default: 3")
                if (d.matches("(?s).*[a-z)]\\.[A-Z].*")) {
                    missing.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName() + ": " + d);
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOptionWithADefaultShowsIt() {
        List<String> silent = new ArrayList<>();
        forEachCommand(SeqmindCommand.commandLine(), cl -> {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                String dv = o.defaultValue();
                boolean flag = o.type() == boolean.class || o.type() == Boolean.class;
                if (dv == null || dv.isEmpty() || flag || o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String d = String.join(" ", o.description());
                if (!d.contains("${DEFAULT-VALUE}") && !d.toLowerCase().contains("default")) {
                    silent.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName() + " (" + dv + ")");
                }
            }
        });
        assertThat(silent).isEmpty();
    }

    @Test
    void aRunBuildsOnlyTheCommandItExecutes() {
        assertThat(SeqmindCommand.commandLine("mine").getSubcommands()).containsOnlyKeys("mine");
        assertThat(SeqmindCommand.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(SeqmindCommand.commandLine("help").getSubcommands()).containsKeys("help", "mine", "train");
        assertThat(SeqmindCommand.commandLine("no-such-command").getSubcommands()).containsKeys("mine", "train");
        assertThat(CliRun.run("--help").out()).contains("ingest", "mine", "train", "evaluate");
    }

    @Test
    void helpShowsDefaults() {
        CliRun r = CliRun.run("train", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--batch=<batch>", "Sequences per training step. Default: 128",
                "--dropout", "Default: 0.1", "--split", "Default: leave-one-out");
    }

    @Test
    void everyChoiceOptionRejectsABogusValueWithExitTwoAndTheAllowedValues() {
        List<String> checked = new ArrayList<>();
        forEachCommand(SeqmindCommand.commandLine(), cl -> {
            CommandSpec spec = cl.getCommandSpec();
            for (OptionSpec o : spec.options()) {
                if (!isChoice(o)) {
                    continue;
                }
                List<String> args = new ArrayList<>(path(spec));
                for (OptionSpec other : spec.options()) {
                    if (other.required() && other != o) {
                        args.add(other.longestName());
                        args.add(validValue(other));
                    }
                }
                for (PositionalParamSpec p : spec.positionalParameters()) {
                    if (p.required()) {
                        args.add("some-file");
                    }
                }
                args.add(o.longestName());
                args.add(BOGUS);
                CliRun r = CliRun.run(args.toArray(String[]::new));
                String where = String.join(" ", args);
                assertThat(r.exit()).as(where + "\n" + r.err()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err()).as(where).contains(BOGUS).doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(r.err().toLowerCase()).as(where).contains(allowedExample(o).toLowerCase());
                checked.add(where);
            }
        });
        assertThat(checked).hasSizeGreaterThan(10)
                .anyMatch(s -> s.contains("train") && s.contains("--model " + BOGUS))
                .anyMatch(s -> s.contains("train") && s.contains("--format " + BOGUS))
                .anyMatch(s -> s.contains("train") && s.contains("--schedule " + BOGUS));
    }

    private static boolean isChoice(OptionSpec o) {
        return o.type().isEnum() || (o.completionCandidates() != null && !o.type().equals(boolean.class));
    }

    private static String allowedExample(OptionSpec o) {
        if (o.type().isEnum()) {
            return o.type().getEnumConstants()[0].toString();
        }
        return o.completionCandidates().iterator().next();
    }

    private static String validValue(OptionSpec o) {
        if (o.type().isEnum()) {
            return o.type().getEnumConstants()[0].toString();
        }
        if (o.completionCandidates() != null) {
            return o.completionCandidates().iterator().next();
        }
        Class<?> t = o.type();
        return t == int.class || t == long.class || t == Integer.class || t == Long.class || t == double.class
                || t == float.class ? "1" : "some-value";
    }

    private static List<String> path(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        return names;
    }

    @Test
    void everyHelpFormatsWithoutPicocliWarnings() {
        // a lone '%' in a description makes picocli's formatter fail: it warns on stderr and prints the raw text
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        List<String> warned = new ArrayList<>();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            forEachCommand(SeqmindCommand.commandLine(), cl -> {
                captured.reset();
                cl.getUsageMessage();
                if (captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("picocli WARN")) {
                    warned.add(cl.getCommandSpec().qualifiedName());
                }
            });
        } finally {
            System.setErr(err);
        }
        assertThat(warned).isEmpty();
    }

    private static void forEachCommand(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().name().equals("help")) {
                forEachCommand(sub, action);
            }
        }
    }
}
