package dev.seqmind.data.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit.jsonl} in a dataset directory: one JSON object a line ({@code time, who, action, detail}), appended
 * under an exclusive file lock and forced to disk. Entries never carry a user identifier, so erasing a user never has
 * to rewrite the log. The dataset store carries the file over when the dataset is rewritten.
 */
public final class AuditLog {
    public static final String FILE = "audit.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private AuditLog(Path file) {
        this.file = file;
    }

    /** The audit log of dataset directory {@code dir}. */
    public static AuditLog of(Path dir) {
        return new AuditLog(dir.resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** Appends an entry by the current operating-system user. */
    public AuditEntry append(String action, String detail) {
        AuditEntry e = new AuditEntry(Instant.now(), System.getProperty("user.name", ""), action, detail);
        String line = JSON.createObjectNode().put("time", e.time().toString()).put("who", e.who())
                .put("action", action).put("detail", detail).toString() + "\n";
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), ch.size());
            ch.force(true);
        } catch (IOException ex) {
            throw new SeqmindException("cannot append to the audit log " + file + ": " + ex.getMessage(), ex);
        }
        return e;
    }

    /** Every entry, oldest first (none when the file does not exist). */
    public List<AuditEntry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SeqmindException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<AuditEntry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(lines.get(i));
                out.add(new AuditEntry(Instant.parse(n.path("time").asText()), n.path("who").asText(),
                        n.path("action").asText(), n.path("detail").asText()));
            } catch (IOException | DateTimeParseException e) {
                throw new InputFormatException(file.toString(), i + 1, "", "not an audit entry (" + e.getMessage()
                        + ")");
            }
        }
        return out;
    }
}
