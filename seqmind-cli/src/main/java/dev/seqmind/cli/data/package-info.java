/**
 * Dataset commands: {@code seqmind ingest} (logs in, dataset directory out, options in
 * {@link dev.seqmind.cli.data.IngestOptions}), {@code stats}, {@code export}, {@code generate}, and
 * {@code seqmind bench store}. Thin wrappers over {@code seqmind-data}: they parse options, call the library and print.
 */
package dev.seqmind.cli.data;
