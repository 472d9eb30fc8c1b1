/**
 * Campaign outputs: audiences (the users of a segment, or those who did A then B but never C) exported with
 * pseudonymised ids and a minimum size, and welcome flows for new users (the most common first steps, the first
 * items that lead on, and a model's first recommendations for an empty history).
 */
package dev.seqmind.insight.audience;
