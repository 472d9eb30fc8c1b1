package dev.seqmind.neural.text;

import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TrainerProvider;

import java.util.List;
import java.util.Optional;

/**
 * Registers the language-model recommenders: {@code content-knn}, {@code lm-zero-shot}, the hybrids
 * {@code sasrec-text} and {@code gru4rec-text}, and the cold-start {@code cold-blend} (weights after colons:
 * {@code cold-blend:0.6:0.3:0.1}) with all-MiniLM-L6-v2,
 * the default item text template and the default vector cache. Another model is named after an {@code @}:
 * {@code content-knn@bge-small-zh} for Chinese text, or {@code lm-zero-shot@/models/e5/model.onnx} for a local ONNX
 * model with {@code tokenizer.json} beside it.
 */
public final class TextTrainerProvider implements TrainerProvider {
    private static final List<String> NAMES = List.of(ContentKnnTrainer.NAME, LmZeroShotTrainer.NAME,
            TextItemRepresentation.FAMILY, TextItemRepresentation.GRU_FAMILY, ColdBlendTrainer.NAME);

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public Optional<RecommenderTrainer> byName(String name) {
        int at = name.indexOf('@');
        String base = at < 0 ? name : name.substring(0, at);
        String weights = null;
        if (base.startsWith(ColdBlendTrainer.NAME + ":")) {
            weights = base.substring(ColdBlendTrainer.NAME.length() + 1);
            base = ColdBlendTrainer.NAME;
        }
        if (!NAMES.contains(base)) {
            return Optional.empty();
        }
        TextModelSpec model = at < 0 ? TextModelSpec.MINILM : TextModelSpec.byName(name.substring(at + 1));
        TextSettings text = TextSettings.of(model);
        return Optional.of(switch (base) {
            case ContentKnnTrainer.NAME -> ContentKnnTrainer.defaults(text);
            case LmZeroShotTrainer.NAME -> LmZeroShotTrainer.defaults(text);
            case TextItemRepresentation.GRU_FAMILY -> HybridTrainer.gru4Rec(text);
            case ColdBlendTrainer.NAME -> weights == null ? ColdBlendTrainer.defaults(text)
                    : new ColdBlendTrainer(text, ColdBlendWeights.parse(weights),
                    ColdBlendTrainer.rulesForFewEvents());
            default -> HybridTrainer.sasRec(text);
        });
    }

    @Override
    public boolean isBaseline() {
        return false;
    }
}
