package dev.seqmind.data.read;

import dev.seqmind.data.model.Interaction;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A delimited text log: CSV, TSV, MovieLens {@code ::} files, RecBole atomic files and the like.
 *
 * @param delimiter     field separator ({@code ","}, {@code "\t"}, {@code "::"}, or {@link FieldSplitter#WHITESPACE})
 * @param header        whether the first line names the columns
 * @param quotes        whether {@code "} quotes fields (RFC 4180, within one line)
 * @param charset       text encoding (UTF-8; ISO-8859-1 for MovieLens)
 * @param columns       which column holds what
 * @param timeFormat    how the time column is written
 * @param defaultAction the action of rows without an action column or with an empty one
 */
public record DelimitedFormat(String delimiter, HeaderMode header, boolean quotes, Charset charset,
                              ColumnMapping columns, TimeFormat timeFormat, String defaultAction) {
    public DelimitedFormat {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(timeFormat, "timeFormat");
        Objects.requireNonNull(defaultAction, "defaultAction");
    }

    /** CSV with a header naming {@code user,item[,action][,time]} columns. */
    public static DelimitedFormat csv(ColumnMapping columns) {
        return new DelimitedFormat(",", HeaderMode.AUTO, true, StandardCharsets.UTF_8, columns, TimeFormat.AUTO,
                Interaction.DEFAULT_ACTION);
    }

    /** Taobao UserBehavior: {@code user,item,category,behavior,timestamp}, no header, epoch seconds. */
    public static DelimitedFormat taobao() {
        return new DelimitedFormat(",", HeaderMode.ABSENT, false, StandardCharsets.UTF_8,
                new ColumnMapping(ColumnRef.byIndex(0), ColumnRef.byIndex(1), ColumnRef.byIndex(3),
                        ColumnRef.byIndex(4), ColumnRef.byIndex(2)),
                TimeFormat.EPOCH_SECONDS, "pv");
    }

    /** MovieLens 1M/10M {@code ratings.dat}: {@code user::movie::rating::timestamp}, latin-1; the rating is the action. */
    public static DelimitedFormat movieLensDat() {
        return new DelimitedFormat("::", HeaderMode.ABSENT, false, StandardCharsets.ISO_8859_1, indexed4(),
                TimeFormat.EPOCH_SECONDS, "rate");
    }

    /** MovieLens 100K {@code u.data}: tab-separated {@code user item rating timestamp}. */
    public static DelimitedFormat movieLens100k() {
        return new DelimitedFormat("\t", HeaderMode.ABSENT, false, StandardCharsets.ISO_8859_1, indexed4(),
                TimeFormat.EPOCH_SECONDS, "rate");
    }

    /** RecBole atomic {@code .inter}: tab-separated with {@code name:type} header; user_id, item_id, timestamp. */
    public static DelimitedFormat recBoleInter() {
        ColumnMapping m = new ColumnMapping(ColumnRef.byName("user_id"), ColumnRef.byName("item_id"), null,
                ColumnRef.byName("timestamp").asOptional(), null);
        return new DelimitedFormat("\t", HeaderMode.PRESENT, false, StandardCharsets.UTF_8, m, TimeFormat.AUTO,
                Interaction.DEFAULT_ACTION);
    }

    private static ColumnMapping indexed4() {
        return new ColumnMapping(ColumnRef.byIndex(0), ColumnRef.byIndex(1), ColumnRef.byIndex(2), ColumnRef.byIndex(3),
                null);
    }

    public DelimitedFormat withColumns(ColumnMapping value) {
        return new DelimitedFormat(delimiter, header, quotes, charset, value, timeFormat, defaultAction);
    }

    public DelimitedFormat withHeader(HeaderMode value) {
        return new DelimitedFormat(delimiter, value, quotes, charset, columns, timeFormat, defaultAction);
    }

    public DelimitedFormat withDelimiter(String value) {
        return new DelimitedFormat(value, header, quotes, charset, columns, timeFormat, defaultAction);
    }

    public DelimitedFormat withTimeFormat(TimeFormat value) {
        return new DelimitedFormat(delimiter, header, quotes, charset, columns, value, defaultAction);
    }
}
