package dev.seqmind.server.state;

/**
 * What one request may ask for.
 *
 * @param maxBodyBytes   largest request body (413 above)
 * @param maxBatch       most events in one batch (413 above)
 * @param maxK           most recommendations in one answer
 * @param maxHistory     most history items a POSTed history may hold
 * @param ratePerSecond  requests a second per key ({@code <= 0}: unlimited); bursts of twice that
 */
public record Limits(long maxBodyBytes, int maxBatch, int maxK, int maxHistory, double ratePerSecond) {
    public static Limits defaults() {
        return new Limits(1 << 20, 1_000, 1_000, 1_000, 2_000);
    }
}
