package dev.seqmind.server.api;

/** Typed, checked query parameters (400 naming the parameter on a bad value). */
final class QueryParams {
    private QueryParams() {
    }

    static int integer(Call call, String name, int defaultValue, int min, int max) {
        String v = call.query(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw ApiException.badRequest(name, "must be in [" + min + ", " + max + "], got " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be an integer");
        }
    }

    static double decimal(Call call, String name, double defaultValue, double min, double max) {
        String v = call.query(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d >= min && d <= max)) {
                throw ApiException.badRequest(name, "must be in [" + min + ", " + max + "]");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "must be a number");
        }
    }

    static boolean bool(Call call, String name, boolean defaultValue) {
        String v = call.query(name);
        if (v == null || v.isEmpty()) {
            return defaultValue;
        }
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badRequest(name, "must be true or false");
        };
    }

    static String text(Call call, String name) {
        String v = call.query(name);
        return v == null || v.isEmpty() ? null : EventParser.id(v, name);
    }
}
