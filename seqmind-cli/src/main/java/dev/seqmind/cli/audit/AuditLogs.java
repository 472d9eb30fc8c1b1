package dev.seqmind.cli.audit;

import dev.seqmind.data.audit.AuditLog;

import java.nio.file.Files;
import java.nio.file.Path;

/** Records a command's action in the audit log of the dataset it acted on. */
public final class AuditLogs {
    private AuditLogs() {
    }

    /** Appends to {@code dataset}'s audit log; a no-op when {@code dataset} is not a directory. */
    public static void record(Path dataset, String action, String detail) {
        if (dataset != null && Files.isDirectory(dataset)) {
            AuditLog.of(dataset).append(action, detail);
        }
    }
}
