/** The append-only audit log of a dataset directory: exports, erasures and administrative actions. */
package dev.seqmind.data.audit;
