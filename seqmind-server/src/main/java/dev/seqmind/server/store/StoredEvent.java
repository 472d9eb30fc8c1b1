package dev.seqmind.server.store;

/**
 * An event read back from the store.
 *
 * @param seq    the store's sequence number: commit order, unique, increasing
 * @param event  the event
 */
public record StoredEvent(long seq, Event event) {
}
