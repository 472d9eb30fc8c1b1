/**
 * The subcommands of {@link dev.seqmind.spark.Main}, named as in the {@code seqmind} command line: each parses its
 * options, starts the session and calls one job; none holds an algorithm.
 */
package dev.seqmind.spark.cli;
