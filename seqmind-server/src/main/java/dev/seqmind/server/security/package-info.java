/** API keys with roles (stored as hashes only), their constant-time check, and per-key rate limits. */
package dev.seqmind.server.security;
