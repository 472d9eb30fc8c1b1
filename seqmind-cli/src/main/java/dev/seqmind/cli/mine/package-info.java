/**
 * {@code seqmind mine itemsets|sequences|rules}: thin commands that load a raw SPMF file or an ingested dataset,
 * call the miners of {@code seqmind-mining}, and print patterns and rules with external ids and titles, or write them
 * as TSV, JSON lines or SPMF output.
 */
package dev.seqmind.cli.mine;
