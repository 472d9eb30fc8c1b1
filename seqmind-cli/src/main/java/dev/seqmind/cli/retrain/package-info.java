/** {@code seqmind retrain} and the retraining options {@code seqmind serve --retrain-every} shares with it. */
package dev.seqmind.cli.retrain;
