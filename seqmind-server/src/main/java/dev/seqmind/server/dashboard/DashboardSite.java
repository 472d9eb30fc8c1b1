package dev.seqmind.server.dashboard;

import dev.seqmind.rec.eval.report.ReportHtml;
import dev.seqmind.server.api.RouteTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard's static files, read from the classpath ({@code dev/seqmind/server/dashboard/site/}) once at start
 * and served as public files: the pages at {@code /}, {@code /dataset}, {@code /patterns}, {@code /user},
 * {@code /experiments} and {@code /models}, their scripts and style under {@code /dashboard/}, and ECharts from its
 * WebJar at {@code /dashboard/echarts.min.js}. Nothing is fetched from the network, so it works offline; every piece
 * of data comes from keyed JSON routes.
 */
public final class DashboardSite {
    private static final String ROOT = "/dev/seqmind/server/dashboard/site/";

    /** Page paths to their files. */
    public static final Map<String, String> PAGES = pages();
    private static final String[] ASSETS = {"app.css", "app.js", "charts.js", "overview.js", "dataset.js",
        "patterns.js", "user.js", "experiments.js", "models.js", "favicon.svg"};

    private DashboardSite() {
    }

    private static Map<String, String> pages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/", "overview.html");
        m.put("/dataset", "dataset.html");
        m.put("/patterns", "patterns.html");
        m.put("/user", "user.html");
        m.put("/experiments", "experiments.html");
        m.put("/models", "models.html");
        return m;
    }

    /** Registers every file on {@code table}; fails when one is missing from the jar. */
    public static void register(RouteTable table) {
        PAGES.forEach((path, file) -> table.file(path, "text/html; charset=utf-8", "no-cache", read(file)));
        for (String asset : ASSETS) {
            table.file("/dashboard/" + asset, type(asset), "no-cache", read(asset));
        }
        try {
            table.file("/dashboard/echarts.min.js", "text/javascript; charset=utf-8", "public, max-age=86400",
                    ReportHtml.echartsScript().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String type(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (file.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "text/html; charset=utf-8";
    }

    private static byte[] read(String file) {
        try (InputStream in = DashboardSite.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file " + ROOT + file + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
