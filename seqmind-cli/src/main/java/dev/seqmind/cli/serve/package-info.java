/** {@code seqmind serve} (the real-time service, with {@code --demo}) and {@code seqmind bench serve}. */
package dev.seqmind.cli.serve;
