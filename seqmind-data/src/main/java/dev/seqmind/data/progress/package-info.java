/** Progress reporting and cancellation for long work. */
package dev.seqmind.data.progress;
