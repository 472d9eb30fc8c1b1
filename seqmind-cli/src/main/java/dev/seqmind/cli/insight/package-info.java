/** {@code seqmind insight} (report, audiences, welcome flows) and {@code seqmind similar}. */
package dev.seqmind.cli.insight;
