package dev.seqmind.data.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Locale;

/**
 * The privacy ledger of one dataset directory: {@code privacy-ledger.jsonl} lists every differentially private
 * release made from the dataset (one JSON object a line, appended and forced to disk), and
 * {@code privacy-budget.json} holds the dataset's total budget ({@link #DEFAULT_BUDGET} when absent). A release is
 * charged <em>before</em> its result is computed, and {@link #charge} refuses one that would take the sum of all
 * costs (basic composition) past the budget. Check and append happen under an exclusive file lock, so two processes
 * cannot both take the last of a budget. The dataset store keeps both files when the dataset is rewritten.
 *
 * <p>Not a defence against someone who deletes the file: it records what seqmind itself released.
 */
public final class PrivacyLedger {
    public static final String LEDGER_FILE = "privacy-ledger.jsonl";
    public static final String BUDGET_FILE = "privacy-budget.json";
    /** The budget of a dataset without {@value #BUDGET_FILE}. */
    public static final PrivacyCost DEFAULT_BUDGET = new PrivacyCost(10, 1e-5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    private PrivacyLedger(Path dir) {
        this.dir = dir;
    }

    /** The ledger of the dataset directory {@code dir} (which must exist). */
    public static PrivacyLedger of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SeqmindException(dir + ": no such dataset directory; the privacy ledger lives beside the data");
        }
        return new PrivacyLedger(dir);
    }

    public Path ledgerFile() {
        return dir.resolve(LEDGER_FILE);
    }

    /** The dataset's total budget. */
    public PrivacyCost budget() {
        Path f = dir.resolve(BUDGET_FILE);
        if (!Files.exists(f)) {
            return DEFAULT_BUDGET;
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            return new PrivacyCost(number(n, "epsilon", f), number(n, "delta", f));
        } catch (IOException e) {
            throw new InputFormatException(f.toString(), 0, "", "not valid JSON: " + e.getMessage());
        }
    }

    /** Sets the dataset's total budget; refuses one below what was already spent. */
    public void setBudget(PrivacyCost budget) {
        PrivacyCost spent = spent();
        if (!spent.fitsWithin(budget)) {
            throw new PrivacyBudgetExceededException("cannot set the budget to " + format(budget) + ": "
                    + format(spent) + " is already spent");
        }
        ObjectNode n = JSON.createObjectNode().put("epsilon", budget.epsilon()).put("delta", budget.delta());
        try {
            Path tmp = dir.resolve(BUDGET_FILE + ".tmp");
            Files.writeString(tmp, n.toString() + "\n");
            Files.move(tmp, dir.resolve(BUDGET_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SeqmindException("cannot write " + dir.resolve(BUDGET_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Every release recorded so far, oldest first. */
    public List<LedgerEntry> entries() {
        Path f = ledgerFile();
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            return parse(Files.readAllLines(f, StandardCharsets.UTF_8), f);
        } catch (IOException e) {
            throw new SeqmindException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The sum of all recorded costs. */
    public PrivacyCost spent() {
        return sum(entries());
    }

    /** What is left of the budget (never negative). */
    public PrivacyCost remaining() {
        PrivacyCost b = budget();
        PrivacyCost s = spent();
        return new PrivacyCost(Math.max(0, b.epsilon() - s.epsilon()), Math.max(0, b.delta() - s.delta()));
    }

    /**
     * Records a release of cost {@code cost}, or refuses it.
     *
     * @throws PrivacyBudgetExceededException if the spent total plus {@code cost} exceeds the budget; the ledger is
     *                                        then unchanged
     */
    public LedgerEntry charge(String what, PrivacyCost cost, String mechanism) {
        Path f = ledgerFile();
        PrivacyCost budget = budget();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            byte[] all = new byte[(int) ch.size()];
            ByteBuffer buf = ByteBuffer.wrap(all);
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // read the whole file under the lock
            }
            PrivacyCost spent = sum(parse(new String(all, StandardCharsets.UTF_8).lines().toList(), f));
            PrivacyCost after = spent.plus(cost);
            if (!after.fitsWithin(budget)) {
                throw new PrivacyBudgetExceededException("refused: " + what + " costs " + format(cost) + " but "
                        + format(spent) + " of the budget " + format(budget) + " is already spent (" + f
                        + "); lower --dp-epsilon, or raise the budget with 'seqmind privacy budget'");
            }
            LedgerEntry e = new LedgerEntry(Instant.now(), what, cost, mechanism, System.getProperty("user.name", ""));
            ObjectNode n = JSON.createObjectNode().put("time", e.time().toString()).put("what", what)
                    .put("epsilon", cost.epsilon()).put("delta", cost.delta()).put("mechanism", mechanism)
                    .put("who", e.who());
            ch.write(ByteBuffer.wrap((n.toString() + "\n").getBytes(StandardCharsets.UTF_8)), ch.size());
            ch.force(true);
            return e;
        } catch (IOException e) {
            throw new SeqmindException("cannot update the privacy ledger " + f + ": " + e.getMessage(), e);
        }
    }

    public static String format(PrivacyCost c) {
        return String.format(Locale.ROOT, "(epsilon %.4g, delta %.3g)", c.epsilon(), c.delta());
    }

    private static PrivacyCost sum(List<LedgerEntry> entries) {
        PrivacyCost s = PrivacyCost.ZERO;
        for (LedgerEntry e : entries) {
            s = s.plus(e.cost());
        }
        return s;
    }

    private static List<LedgerEntry> parse(List<String> lines, Path f) {
        List<LedgerEntry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                out.add(new LedgerEntry(Instant.parse(n.path("time").asText()), n.path("what").asText(),
                        new PrivacyCost(number(n, "epsilon", f), number(n, "delta", f)),
                        n.path("mechanism").asText(), n.path("who").asText()));
            } catch (IOException | DateTimeParseException e) {
                throw new InputFormatException(f.toString(), i + 1, "", "not a ledger entry (" + e.getMessage()
                        + "); the ledger must not be edited by hand");
            }
        }
        return out;
    }

    private static double number(JsonNode n, String field, Path f) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new InputFormatException(f.toString(), 0, field, "missing or not a number");
        }
        return v.asDouble();
    }
}
