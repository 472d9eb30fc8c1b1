/** The real-time service: wiring of the event store, live sequences, models and the HTTP API. */
package dev.seqmind.server;
