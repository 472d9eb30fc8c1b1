/** {@code seqmind train}: fits a neural sequence recommender, evaluates it and writes a model directory. */
package dev.seqmind.cli.train;
