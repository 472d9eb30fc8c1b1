package dev.seqmind.insight.report;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.rec.eval.report.ReportHtml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the insight report as one self-contained HTML page: template, data and the minified ECharts library (from
 * its WebJar, as the evaluation report does) inlined, so it opens offline. When its script has drawn everything the
 * page sets {@code data-rendered="ok"} on {@code <body>}; script errors are collected in {@code data-errors}.
 */
public final class InsightHtml {
    private static final String TEMPLATE = "insight-template.html";

    private InsightHtml() {
    }

    public static void write(InsightReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    public static String render(InsightReport report) throws IOException {
        String template;
        try (InputStream in = InsightHtml.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new SeqmindException("resource " + TEMPLATE + " is missing from the classpath: rebuild seqmind");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String data = InsightJson.toJson(report).replace("</", "<\\/");
        String echarts = ReportHtml.echartsScript().replace("</script", "<\\/script");
        return template.replace("/*@TITLE@*/", report.title().replace("&", "&amp;").replace("<", "&lt;"))
                .replace("/*@ECHARTS@*/", echarts)
                .replace("/*@DATA@*/", data);
    }
}
