package dev.seqmind.neural.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code network.json}: which network to rebuild before the weights are read.
 *
 * @param family    "sasrec", "gru4rec", "lstm", "srgnn" or "bert4rec"
 * @param numItems  items the network scores
 * @param config    the family's configuration record as JSON
 */
public record NetworkSpec(String family, int numItems, JsonNode config) {
}
