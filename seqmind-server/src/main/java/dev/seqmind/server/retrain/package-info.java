/**
 * The feedback loop: new events from the store appended to the dataset, the serving model's trainer fitted on the
 * updated data, compared with the serving model on the most recent slice, and promoted through the hot swap only
 * when better by the stated margin; on demand ({@code seqmind retrain}) or on a schedule in the server.
 */
package dev.seqmind.server.retrain;
