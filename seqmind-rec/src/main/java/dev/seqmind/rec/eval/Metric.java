package dev.seqmind.rec.eval;

/** The accuracy metrics computed at every K (see {@link RankingMetrics} for the definitions). */
public enum Metric {
    HR("HR"), RECALL("Recall"), PRECISION("Precision"), F1("F1"), NDCG("NDCG"), MRR("MRR"), MAP("MAP");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The name used in reports, e.g. "NDCG". */
    public String label() {
        return label;
    }
}
