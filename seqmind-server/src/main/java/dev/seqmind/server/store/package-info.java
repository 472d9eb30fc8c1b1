/**
 * The durable event log behind the server: {@link dev.seqmind.server.store.EventStore} with SQLite (default, WAL,
 * {@code synchronous=FULL}) and PostgreSQL implementations sharing one schema and one group-committing writer.
 */
package dev.seqmind.server.store;
