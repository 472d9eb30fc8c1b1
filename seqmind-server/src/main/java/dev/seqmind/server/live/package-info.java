/**
 * Live state rebuilt from the event store at start and updated by every commit: each user's most recent items in
 * primitive arrays, and recent item popularity for the fallback.
 */
package dev.seqmind.server.live;
