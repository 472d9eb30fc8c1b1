package dev.seqmind.neural.nn;

import dev.seqmind.data.error.SeqmindException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightsFormatTest {
    private static final Map<String, long[]> SHAPES = new LinkedHashMap<>(Map.of("w", new long[] {2, 2}));
    private static final Map<String, float[]> VALUES = new LinkedHashMap<>(Map.of("w", new float[] {1, 2, 3, 4}));

    @Test
    void startsWithMagicAndVersionAndReadsBack() throws IOException {
        byte[] bytes = write();
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQMW");
        assertThat(ByteBuffer.wrap(bytes, 4, 4).getInt()).isEqualTo(ParameterStore.VERSION);
        ParameterStore.Named back = read(bytes);
        assertThat(back.shapes().get("w")).containsExactly(2, 2);
        assertThat(back.values().get("w")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsFilesWithoutMagicAsVersionZero() throws IOException {
        byte[] bytes = write();
        byte[] legacy = java.util.Arrays.copyOfRange(bytes, 8, bytes.length);
        assertThat(read(legacy).values().get("w")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aNewerVersionFailsNamingTheFileAndVersion() throws IOException {
        byte[] bytes = write();
        ByteBuffer.wrap(bytes).putInt(4, ParameterStore.VERSION + 1);
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(SeqmindException.class)
                .hasMessageContaining("w.bin: weights format version " + (ParameterStore.VERSION + 1));
    }

    private static byte[] write() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            ParameterStore.writeArrays(out, SHAPES, VALUES);
        }
        return b.toByteArray();
    }

    private static ParameterStore.Named read(byte[] bytes) throws IOException {
        return ParameterStore.readArrays(new DataInputStream(new ByteArrayInputStream(bytes)), "w.bin");
    }
}
