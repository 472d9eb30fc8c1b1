package dev.seqmind.insight.audience;

import dev.seqmind.data.error.SeqmindException;

/** An audience below the minimum size, which is never written (small groups can single people out). */
public final class AudienceTooSmallException extends SeqmindException {
    public AudienceTooSmallException(String audience, int users, int minUsers) {
        super("the audience '" + audience + "' has " + users + " users, fewer than the minimum of " + minUsers
                + "; it is not written (small audiences can single people out). Widen the query or, if the use "
                + "allows it, lower --min-users");
    }
}
