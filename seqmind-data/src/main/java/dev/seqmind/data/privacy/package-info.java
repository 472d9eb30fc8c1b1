/** Keyed pseudonymisation of user ids; the key never travels with the data. */
package dev.seqmind.data.privacy;
