package dev.seqmind.server.store;

/** The store cannot write or read right now (disk, permissions, database down); nothing was acknowledged. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
