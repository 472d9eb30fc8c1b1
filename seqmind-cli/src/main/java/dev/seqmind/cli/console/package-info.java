/**
 * What every command shows the person at the terminal: progress bars on standard error
 * ({@link dev.seqmind.cli.console.TerminalProgress}) and the documented exit codes
 * ({@link dev.seqmind.cli.console.ExitCodes}). Kept below the commands so that none of them depends on the root
 * package that lists them all.
 */
package dev.seqmind.cli.console;
