package dev.seqmind.neural.modality;

import dev.seqmind.data.error.InvalidParameterException;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One modality's vector file as named on the command line ({@code NAME=FILE}).
 *
 * @param name the modality's name (letters, digits, {@code _} and {@code -}; not {@code text}, which the item text
 *             already uses), which names its projection in the model
 * @param file a {@code .npy} or a {@code .tsv}/{@code .txt} file ({@link ModalityReader})
 */
public record ModalityFile(String name, Path file) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public ModalityFile {
        if (name == null || !NAME.matcher(name).matches() || name.equals("text")) {
            throw new InvalidParameterException("modality name", name,
                    "1 to 40 letters, digits, '_' or '-', other than 'text'");
        }
        Objects.requireNonNull(file, "file");
    }

    /**
     * Parses {@code NAME=FILE}.
     *
     * @param option the option the value came from, for the error message
     */
    public static ModalityFile parse(String option, String value) {
        int eq = value == null ? -1 : value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new InvalidParameterException(option, value, "NAME=FILE, e.g. image=clip.npy");
        }
        return new ModalityFile(value.substring(0, eq), Path.of(value.substring(eq + 1)));
    }

    /** Rejects two files of the same modality name. */
    public static void requireDistinct(String option, List<ModalityFile> files) {
        Set<String> seen = new HashSet<>();
        for (ModalityFile f : files) {
            if (!seen.add(f.name())) {
                throw new InvalidParameterException(option, f.name() + "=" + f.file(),
                        "one file per modality name; '" + f.name() + "' is given twice");
            }
        }
    }
}
