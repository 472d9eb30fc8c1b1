/**
 * The {@code seqmind} command line: {@link dev.seqmind.cli.SeqmindCommand} wires the subcommands together,
 * {@link dev.seqmind.cli.ErrorHandler} turns errors into one line on stderr and an {@link dev.seqmind.cli.ExitCodes}
 * code, {@link dev.seqmind.cli.TerminalProgress} shows long work on stderr, and {@code seqmind demo} runs the main job
 * end to end. The commands themselves live in sub-packages by area: {@code data} (ingest, stats, export, generate),
 * {@code mine}, {@code rec}, {@code train} and {@code bench}; they hold no algorithm code of their own.
 */
package dev.seqmind.cli;
