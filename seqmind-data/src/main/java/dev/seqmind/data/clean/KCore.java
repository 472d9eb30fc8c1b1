package dev.seqmind.data.clean;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;

import java.util.Arrays;

/**
 * Iterative k-core: repeatedly drops users with fewer than {@code userK} events and items with fewer than
 * {@code itemK} events until every remaining user and item has enough (dropping an item can push a user under its
 * threshold, and the other way round). Counts events, as the SASRec and S3-Rec preprocessing does.
 */
public record KCore(int userK, int itemK) implements CleaningStep {
    public KCore {
        if (userK < 0 || itemK < 0 || userK + itemK == 0) {
            throw new InvalidParameterException("k-core", userK + "/" + itemK, ">= 0 each and not both 0");
        }
    }

    @Override
    public String name() {
        return "k-core";
    }

    @Override
    public String detail() {
        return "users >= " + userK + " events, items >= " + itemK + " events";
    }

    @Override
    public TracedEvents apply(TracedEvents in, DropCounter drops) {
        SequenceDataset d = in.data();
        int n = d.numInteractions();
        boolean[] alive = new boolean[n];
        Arrays.fill(alive, true);
        int[] userCount = new int[d.numUsers()];
        int[] itemCount = new int[d.numItems()];
        for (int u = 0; u < d.numUsers(); u++) {
            userCount[u] = d.length(u);
            for (int i = d.start(u); i < d.end(u); i++) {
                itemCount[d.item(i)]++;
            }
        }
        boolean[] dropUserRound = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u = 0; u < d.numUsers(); u++) {
                boolean userLow = userCount[u] > 0 && userCount[u] < userK;
                for (int i = d.start(u); i < d.end(u); i++) {
                    if (!alive[i]) {
                        continue;
                    }
                    int item = d.item(i);
                    if (userLow || itemCount[item] < itemK) {
                        alive[i] = false;
                        dropUserRound[i] = userLow;
                        changed = true;
                    }
                }
            }
            if (changed) {
                Arrays.fill(userCount, 0);
                Arrays.fill(itemCount, 0);
                for (int u = 0; u < d.numUsers(); u++) {
                    for (int i = d.start(u); i < d.end(u); i++) {
                        if (alive[i]) {
                            userCount[u]++;
                            itemCount[d.item(i)]++;
                        }
                    }
                }
            }
        }
        byte[] reason = new byte[n];
        for (int i = 0; i < n; i++) {
            reason[i] = alive[i] ? KEEP : dropUserRound[i] ? (byte) 1 : (byte) 2;
        }
        return CleaningStep.dropByReason(in, reason, new String[] {"user below " + userK + " events",
                "item below " + itemK + " events"}, drops);
    }
}
