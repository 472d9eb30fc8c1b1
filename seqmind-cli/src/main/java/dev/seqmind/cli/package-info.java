/**
 * The {@code seqmind} command line: {@link dev.seqmind.cli.SeqmindCommand} wires the subcommands together,
 * {@link dev.seqmind.cli.ErrorHandler} turns errors into one line on stderr and an exit code, and
 * {@code seqmind demo} runs the main job end to end. The commands themselves live in sub-packages by area:
 * {@code data} (ingest, stats, export, generate), {@code mine}, {@code rec}, {@code train}, {@code serve},
 * {@code privacy}, {@code insight}, {@code audit} and {@code bench}; {@code console} holds what they all show the
 * terminal (progress, exit codes). They hold no algorithm code of their own.
 */
package dev.seqmind.cli;
