package dev.seqmind.cli.audit;

import dev.seqmind.data.audit.AuditEntry;
import dev.seqmind.data.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqmind audit}: prints a dataset's audit log (exports, erasures, administrative actions). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log of a dataset directory: exports, erasures and admin actions.")
public final class AuditCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "Dataset directory.")
    Path dataset;

    @Option(names = "--action", description = "Only entries with this action (export, erase, admin).")
    String action;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("time\twho\taction\tdetail");
        for (AuditEntry e : AuditLog.of(dataset).entries()) {
            if (action == null || action.equals(e.action())) {
                out.printf("%s\t%s\t%s\t%s%n", e.time(), e.who(), e.action(), e.detail());
            }
        }
        return 0;
    }
}
