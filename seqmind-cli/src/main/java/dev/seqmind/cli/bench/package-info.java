/**
 * {@code seqmind bench ...}: benchmarks, not tests. Each prints its timings and memory next to a named baseline (a
 * reference file of other tools' figures, or another way of doing the same work). Mining rows run in a child JVM
 * ({@link dev.seqmind.cli.bench.MineBenchChild}) so that each row's start-up time and peak memory are its own.
 */
package dev.seqmind.cli.bench;
