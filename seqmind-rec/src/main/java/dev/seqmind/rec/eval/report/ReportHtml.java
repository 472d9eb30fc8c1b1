package dev.seqmind.rec.eval.report;

import dev.seqmind.data.error.SeqmindException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes one self-contained HTML page: the page template, the report data and the minified ECharts library (read
 * from the ECharts WebJar on the classpath) are all inlined, so the file opens offline and can be mailed around.
 */
public final class ReportHtml {
    private static final String TEMPLATE = "report-template.html";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private ReportHtml() {
    }

    public static void write(EvaluationReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    public static String render(EvaluationReport report) throws IOException {
        String template = resource(ReportHtml.class.getResourceAsStream(TEMPLATE), TEMPLATE);
        String data = ReportJson.toJson(report, false).replace("</", "<\\/");
        String echarts = echartsScript().replace("</script", "<\\/script");
        return template.replace("/*@TITLE@*/", escape(report.title()))
                .replace("/*@ECHARTS@*/", echarts)
                .replace("/*@DATA@*/", data);
    }

    /** The minified ECharts library from its WebJar. */
    public static String echartsScript() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportHtml.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new SeqmindException("the ECharts WebJar is not on the classpath: HTML reports need "
                        + "org.webjars.npm:echarts (rebuild with ./mvnw package)");
            }
            p.load(in);
        }
        String path = "/META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist/echarts.min.js";
        return resource(ReportHtml.class.getResourceAsStream(path), path);
    }

    private static String resource(InputStream in, String name) throws IOException {
        if (in == null) {
            throw new SeqmindException("resource " + name + " is missing from the classpath: rebuild seqmind");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
