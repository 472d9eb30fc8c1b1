/**
 * Privacy: keyed pseudonymisation of user ids (the key never travels with the data), and the building blocks of
 * differentially private releases: the Laplace and (analytically calibrated) Gaussian mechanisms with caller-seeded
 * randomness, per-user contribution bounds, private selection of keys found in the data (noisy threshold) and of
 * public candidates (noisy top-k), and the per-dataset privacy ledger that charges every release against a budget.
 * Pure code: no model or mining logic lives here.
 */
package dev.seqmind.data.privacy;
