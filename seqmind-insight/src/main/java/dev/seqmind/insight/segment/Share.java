package dev.seqmind.insight.segment;

/**
 * How common something (a category, an item, a feature) is in a segment.
 *
 * @param id    its id or name
 * @param label what to show a person
 * @param share its share in the segment (of category weight, of users, or a standardised centroid value)
 * @param lift  the share in the segment over the share in everyone (NaN where it means nothing)
 */
public record Share(String id, String label, double share, double lift) {
}
