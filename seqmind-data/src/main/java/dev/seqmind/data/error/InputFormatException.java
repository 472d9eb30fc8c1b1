package dev.seqmind.data.error;

/**
 * A row or file that is not what its format says. Carries the location as {@code file:line: field: what is wrong}.
 * {@code line} is 1-based; 0 means "the file as a whole". {@code field} may be empty.
 */
public final class InputFormatException extends SeqmindException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    public InputFormatException(String file, long line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    private static String format(String file, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
