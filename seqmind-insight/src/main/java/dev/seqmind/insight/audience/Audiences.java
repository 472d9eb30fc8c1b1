package dev.seqmind.insight.audience;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.Pseudonymizer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Selects and writes audiences. A written audience is one CSV column {@code user} with a header, one pseudonymised
 * id per line in dense-id order: ids of a dataset ingested with pseudonymisation are written as they are; otherwise
 * a {@link Pseudonymizer} must be given, and the key holder alone can map them back. Audiences smaller than the
 * minimum are refused ({@link AudienceTooSmallException}). Stateless.
 */
public final class Audiences {
    private Audiences() {
    }

    /** Dense ids of the users matching {@code query}, ascending. */
    public static int[] matching(SequenceDataset data, AudienceQuery query) {
        int[] did = ids(data.items(), query.did(), "--did");
        int[] not = ids(data.items(), query.not(), "--not");
        boolean[] banned = new boolean[data.numItems()];
        for (int i : not) {
            banned[i] = true;
        }
        int[] out = new int[data.numUsers()];
        int n = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            int k = 0;
            boolean ok = true;
            for (int i = data.start(u); i < data.end(u); i++) {
                int item = data.item(i);
                if (banned[item]) {
                    ok = false;
                    break;
                }
                if (k < did.length && item == did[k]) {
                    k++;
                }
            }
            if (ok && k == did.length) {
                out[n++] = u;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] ids(IdMap items, List<String> external, String option) {
        int[] out = new int[external.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.denseId(external.get(i));
            if (out[i] == IdMap.ABSENT) {
                throw new InvalidParameterException(option, external.get(i), "an item id of the data");
            }
        }
        return out;
    }

    /**
     * The external ids to write for {@code users}: as stored when the dataset is pseudonymised, else through
     * {@code pseudonymizer}.
     *
     * @throws SeqmindException when the ids are raw and no pseudonymizer is given
     */
    public static List<String> exportIds(SequenceDataset data, int[] users, Pseudonymizer pseudonymizer) {
        boolean stored = data.info().pseudonymised();
        if (!stored && pseudonymizer == null) {
            throw new SeqmindException("the dataset's user ids are not pseudonymised and no key was given: set "
                    + Pseudonymizer.KEY_ENV + " or pass --key-file (or ingest with pseudonymisation)");
        }
        List<String> out = new ArrayList<>(users.length);
        for (int u : users) {
            String id = data.users().externalId(u);
            out.add(stored ? id : pseudonymizer.pseudonym(id));
        }
        return out;
    }

    /**
     * Writes {@code users} to {@code file} if there are at least {@code minUsers} of them.
     *
     * @throws AudienceTooSmallException otherwise (nothing is written)
     */
    public static void write(Path file, String name, SequenceDataset data, int[] users, int minUsers,
                             Pseudonymizer pseudonymizer) throws IOException {
        if (users.length < minUsers) {
            throw new AudienceTooSmallException(name, users.length, minUsers);
        }
        List<String> ids = exportIds(data, users, pseudonymizer);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user\n");
            for (String id : ids) {
                w.write(id);
                w.write('\n');
            }
        }
    }
}
