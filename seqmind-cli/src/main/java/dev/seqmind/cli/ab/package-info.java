/**
 * {@code seqmind ab size|replay|simulate}: sizing an A/B test, replaying a held-out log against two models offline,
 * and replaying it through a running server's experiment; all three use the statistics of
 * {@code dev.seqmind.rec.abtest}, as the server does.
 */
package dev.seqmind.cli.ab;
