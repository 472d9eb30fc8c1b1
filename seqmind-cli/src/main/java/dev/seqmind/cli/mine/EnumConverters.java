package dev.seqmind.cli.mine;

import dev.seqmind.mining.sequence.OutputKind;
import dev.seqmind.mining.sequence.SequenceAlgorithm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;

/** Case-insensitive converters for the enum options of the mine commands. */
final class EnumConverters {
    private EnumConverters() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** {@code --kind}. */
    static final class Kind implements ITypeConverter<OutputKind> {
        @Override
        public OutputKind convert(String value) {
            return parse(OutputKind.class, value);
        }
    }

    /** {@code --algorithm}. */
    static final class Algorithm implements ITypeConverter<SequenceAlgorithm> {
        @Override
        public SequenceAlgorithm convert(String value) {
            return parse(SequenceAlgorithm.class, value);
        }
    }

    /** {@code --sort}. */
    static final class Sort implements ITypeConverter<RuleRow.SortKey> {
        @Override
        public RuleRow.SortKey convert(String value) {
            return parse(RuleRow.SortKey.class, value);
        }
    }

    static final class Noise implements ITypeConverter<dev.seqmind.mining.privacy.NoiseKind> {
        @Override
        public dev.seqmind.mining.privacy.NoiseKind convert(String value) {
            return parse(dev.seqmind.mining.privacy.NoiseKind.class, value);
        }
    }
}
