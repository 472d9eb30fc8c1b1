package dev.seqmind.neural.modality;

import java.util.List;

/**
 * One modality's vectors for a dataset's items, by dense id: row {@code i} of {@code matrix} is item {@code i}'s
 * L2-normalised vector when {@code has[i]}, and a row nothing may read when not (the item is missing from the file:
 * models mask it out, see {@code TextItemRepresentation}).
 *
 * <p>Immutable by convention (the arrays are not copied; nothing writes them after the reader); thread-safe.
 *
 * @param name      the modality's name
 * @param source    the file the vectors came from
 * @param dimension vector length
 * @param matrix    {@code numItems x dimension} floats, row {@code i} at {@code i * dimension}
 * @param has       whether item {@code i} has a vector
 * @param coverage  how the file's ids matched the dataset's items
 */
public record ModalityVectors(String name, String source, int dimension, float[] matrix, boolean[] has,
                              Coverage coverage) {
    /**
     * @param rows            vectors in the file
     * @param matched         of those, items of the dataset
     * @param unknown         ids in the file that the dataset lacks (counted, not used)
     * @param missing         items of the dataset without a vector (masked)
     * @param unknownExamples up to five of the unknown ids, for the report
     */
    public record Coverage(int rows, int matched, int unknown, int missing, List<String> unknownExamples) {
        public Coverage {
            unknownExamples = List.copyOf(unknownExamples);
        }

        /** One line for a log: {@code 3,416 of 3,706 items have a vector; 12 ids in the file are not items (...)}. */
        public String describe() {
            String s = String.format("%,d of %,d items have a vector (%,d missing, masked)", matched,
                    matched + missing, missing);
            return unknown == 0 ? s : s + String.format("; %,d ids in the file are not items of the data (e.g. %s)",
                    unknown, String.join(", ", unknownExamples));
        }
    }

    public int numItems() {
        return has.length;
    }

    /** Items with a vector. */
    public int present() {
        int n = 0;
        for (boolean h : has) {
            n += h ? 1 : 0;
        }
        return n;
    }
}
