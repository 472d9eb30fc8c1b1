/** Starting the DJL PyTorch engine offline, with a configurable native-library directory and thread counts. */
package dev.seqmind.neural.engine;
