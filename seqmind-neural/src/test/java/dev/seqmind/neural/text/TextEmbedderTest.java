package dev.seqmind.neural.text;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextEmbedderTest {
    private static OnnxTextEncoder english;

    @BeforeAll
    static void load() {
        english = OnnxTextEncoder.open(TextModelSpec.MINILM, 2, 1);
    }

    @AfterAll
    static void close() {
        english.close();
    }

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void relatedEnglishTitlesAreNearerThanUnrelatedOnes() {
        float[][] v = english.encode(List.of("Star Wars: Episode IV - A New Hope. Genres: Action, Sci-Fi",
                "Star Trek: The Wrath of Khan. Genres: Action, Sci-Fi",
                "Sense and Sensibility. Genres: Drama, Romance")).vectors();
        assertThat(english.dimension()).isEqualTo(384);
        assertThat(dot(v[0], v[0])).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.1f);
    }

    @Test
    void aTextsVectorDoesNotDependOnTheOtherTextsWithBatchesOfOne() {
        List<String> texts = List.of("a short one", "a considerably longer text that needs more tokens than the first",
                "third", "the fourth text of this batch");
        float[][] together = english.encode(texts).vectors();
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = english.encode(List.of(texts.get(i))).vectors()[0];
            assertThat(alone).containsExactly(together[i]);
        }
        // padded batches of the quantized model move vectors a little: its activation scales are per batch tensor
        try (OnnxTextEncoder batched = OnnxTextEncoder.open(TextModelSpec.MINILM, 1, 4)) {
            float[][] b = batched.encode(texts).vectors();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(dot(b[i], together[i])).isGreaterThan(0.95f);
            }
        }
    }

    @Test
    void relatedChineseTitlesAreNearerWithTheChineseModel() {
        try (OnnxTextEncoder zh = OnnxTextEncoder.open(TextModelSpec.BGE_SMALL_ZH, 2, 8)) {
            // two space-opera titles, a costume romance, a cookery show
            float[][] v = zh.encode(List.of("星球大战：新希望。类型：科幻，动作", "星际迷航：可汗之怒。类型：科幻，动作",
                    "红楼梦。类型：爱情，古装", "舌尖上的中国。类型：美食，纪录片")).vectors();
            assertThat(zh.dimension()).isEqualTo(512);
            assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2])).isGreaterThan(0f);
            assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[3]));
            assertThat(dot(v[2], v[3])).isLessThan(dot(v[0], v[1]));
        }
    }

    @Test
    void overLongTextIsTruncatedAndCounted() {
        String longText = "word ".repeat(1000);
        OnnxTextEncoder.Encoded e = english.encode(List.of(longText, "short"));
        assertThat(e.truncated()).isEqualTo(1);
        assertThat(e.vectors()[0]).hasSize(384);
    }

    @Test
    void blankTextIsRejectedWithItsIndex() {
        assertThatThrownBy(() -> english.encode(List.of("fine", "  ")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("text #1");
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsRejected(@TempDir Path dir) throws IOException {
        Path fake = Files.writeString(dir.resolve("model.onnx"), "this is not a protobuf graph");
        Path tok = dir.resolve("tokenizer.json");
        try (var in = TextModelSpec.MINILM.openTokenizer()) {
            Files.copy(in, tok);
        }
        TextModelSpec spec = TextModelSpec.byName(fake.toString());
        assertThatThrownBy(() -> OnnxTextEncoder.open(spec, 1, 4))
                .isInstanceOf(InputFormatException.class).hasMessageContaining("model.onnx")
                .hasMessageContaining("not an ONNX model");
        assertThatThrownBy(() -> TextModelSpec.byName(dir.resolve("absent.onnx").toString()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("absent.onnx");
    }

    @Test
    void aLocalModelByPathGivesTheSameVectorsAsTheBuiltIn(@TempDir Path dir) throws IOException {
        Path onnx = dir.resolve("model.onnx");
        try (var in = TextModelSpec.MINILM.openOnnx()) {
            Files.copy(in, onnx);
        }
        try (var in = TextModelSpec.MINILM.openTokenizer()) {
            Files.copy(in, dir.resolve("tokenizer.json"));
        }
        try (OnnxTextEncoder local = OnnxTextEncoder.open(TextModelSpec.byName(onnx.toString()), 1, 4)) {
            float[] a = local.encode(List.of("The Matrix")).vectors()[0];
            float[] b = english.encode(List.of("The Matrix")).vectors()[0];
            assertThat(dot(a, b)).isGreaterThan(0.9999f);
        }
    }

    @Test
    void secondEmbeddingOfTheSameTextsComesFromTheCache(@TempDir Path dir) {
        List<String> texts = List.of("Toy Story. Genres: Animation", "Heat. Genres: Action, Crime",
                "Toy Story. Genres: Animation");
        float[][] first;
        try (TextEmbedder e = new TextEmbedder(TextModelSpec.MINILM, dir, 2, 8)) {
            TextEmbedder.Embedded r = e.embed(texts);
            assertThat(r.cacheHits()).isZero();
            assertThat(r.encoded()).isEqualTo(2);
            first = r.vectors();
        }
        try (TextEmbedder e = new TextEmbedder(TextModelSpec.MINILM, dir, 2, 8)) {
            TextEmbedder.Embedded r = e.embed(texts);
            assertThat(r.cacheHits()).isEqualTo(3);
            assertThat(r.encoded()).isZero();
            assertThat(r.vectors()[1]).containsExactly(first[1]);
            assertThat(e.dimension()).isEqualTo(384);
            TextEmbedder.Embedded more = e.embed(List.of("Heat. Genres: Action, Crime", "Casino. Genres: Drama"));
            assertThat(more.cacheHits()).isEqualTo(1);
            assertThat(more.encoded()).isEqualTo(1);
        }
    }
}
