package dev.seqmind.server.experiment;

/** A refused experiment request; {@code field} names the request field at fault (e.g. {@code variants[1].share}). */
public final class InvalidDefinitionException extends RuntimeException {
    private final String field;

    public InvalidDefinitionException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
