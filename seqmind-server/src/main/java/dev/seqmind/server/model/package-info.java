/**
 * Models as the server holds them: named, reference-counted so a swap lets in-flight requests finish on the old
 * model before it is closed; mined rules for explanations and {@code /v1/patterns}; explanation assembly.
 */
package dev.seqmind.server.model;
