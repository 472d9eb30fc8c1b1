package dev.seqmind.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InputFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The trial log: one JSON object a line, appended (and flushed to disk) as each trial finishes a rung, read back to
 * resume a search. A last line cut short by a crash is ignored; any other unreadable line is an error naming it.
 */
public final class TrialLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public TrialLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Every logged result, in order; empty when the log does not exist yet. */
    public List<TrialResult> read() throws IOException {
        List<TrialResult> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, TrialResult.class));
            } catch (IOException e) {
                if (i == lines.size() - 1) { // the run stopped while writing its last line: drop it
                    Files.write(file, lines.subList(0, i), StandardCharsets.UTF_8);
                    break;
                }
                throw new InputFormatException(file.toString(), i + 1, "", "not a trial record: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return out;
    }

    /** Appends one result as a line and forces it to disk. */
    public void append(TrialResult r) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
    }
}
