package dev.seqmind.cli.mine;

import dev.seqmind.mining.PatternSink;

/**
 * Drops patterns supported by fewer than {@code minUsers} distinct users (a dataset's sequences are its users) before
 * they reach the wrapped sink.
 */
final class MinUsersSink implements PatternSink {
    private final PatternSink inner;
    private final long minUsers;

    private MinUsersSink(PatternSink inner, long minUsers) {
        this.inner = inner;
        this.minUsers = minUsers;
    }

    static PatternSink wrap(PatternSink inner, long minUsers) {
        return new MinUsersSink(inner, minUsers);
    }

    @Override
    public void accept(int[] items, int length, long support) {
        if (support >= minUsers) {
            inner.accept(items, length, support);
        }
    }

    @Override
    public void finish() {
        inner.finish();
    }
}
