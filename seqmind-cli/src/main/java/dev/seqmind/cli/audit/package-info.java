/** {@code seqmind audit} and the helper commands use to append to a dataset's audit log. */
package dev.seqmind.cli.audit;
