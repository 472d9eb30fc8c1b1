/** Commands around privacy: the budget and ledger of a dataset, erasure of a user ({@code forget}). */
package dev.seqmind.cli.privacy;
