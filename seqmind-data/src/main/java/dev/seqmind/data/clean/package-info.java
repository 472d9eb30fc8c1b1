/**
 * Optional cleaning steps (duplicates, repeats, action filter, k-core, length limits, sessions), each reporting how
 * many events it dropped, why, and where the first of them came from.
 */
package dev.seqmind.data.clean;
