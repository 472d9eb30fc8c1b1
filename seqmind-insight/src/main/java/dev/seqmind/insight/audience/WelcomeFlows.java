package dev.seqmind.insight.audience;

import dev.seqmind.insight.segment.Share;

import java.util.List;

/**
 * What new users do first, and what to show one.
 *
 * @param steps           how many first steps {@code firstSequences} covers (consecutive repeats collapsed)
 * @param firstSequences  the most common openings of that many steps
 * @param firstItems      the most common first items, with what became of the users who started there
 * @param leadOnSteps     a user "went on" when they took at least this many steps
 * @param model           the model whose first recommendations are listed, or "" when none was given
 * @param modelFirst      the model's top items for an empty history (share = score), empty without a model
 */
public record WelcomeFlows(int steps, List<Opening> firstSequences, List<FirstItem> firstItems, int leadOnSteps,
                           String model, List<Share> modelFirst) {
    public WelcomeFlows {
        firstSequences = List.copyOf(firstSequences);
        firstItems = List.copyOf(firstItems);
        modelFirst = List.copyOf(modelFirst);
    }

    /**
     * A common opening.
     *
     * @param items  external item ids in order
     * @param labels their titles
     * @param users  users who opened this way
     * @param share  {@code users} over users with at least {@code steps} steps
     */
    public record Opening(List<String> items, List<String> labels, int users, double share) {
        public Opening {
            items = List.copyOf(items);
            labels = List.copyOf(labels);
        }
    }

    /**
     * A common first item.
     *
     * @param item       external id
     * @param label      its title
     * @param users      users whose first item it was
     * @param wentOn     share of them who took at least {@code leadOnSteps} steps
     * @param bought     share of them who bought anything (NaN when the data has no buy action)
     */
    public record FirstItem(String item, String label, int users, double wentOn, double bought) {
    }
}
