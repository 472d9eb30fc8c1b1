/**
 * {@code seqmind evaluate} and {@code seqmind recommend}: thin wiring of the data readers, classic models and
 * evaluation.
 */
package dev.seqmind.cli.rec;
