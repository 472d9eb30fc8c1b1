package dev.seqmind.server.dashboard;

import dev.seqmind.rec.eval.report.ReportHtml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The dashboard's static files, read from the classpath ({@code dev/seqmind/server/dashboard/site/}) once at start
 * and served as public files: the pages at {@code /}, {@code /dataset}, {@code /patterns}, {@code /user},
 * {@code /experiments} and {@code /models} (each is {@code shell.html} around its {@code NAME.body.html}), their
 * scripts and style under {@code /dashboard/}, and ECharts from its WebJar at {@code /dashboard/echarts.min.js}.
 * Nothing is fetched from the network, so it works offline; every piece of data comes from keyed JSON routes.
 */
public final class DashboardSite {
    private static final String ROOT = "/dev/seqmind/server/dashboard/site/";

    /** The pages, in the order of the navigation. */
    static final List<Page> PAGES = pages();
    private static final List<String> SHARED = List.of("app.css", "app.js", "charts.js", "favicon.svg");

    private DashboardSite() {
    }

    /** A page: its path, its name (its script is {@code NAME.js}, its body {@code NAME.body.html}) and title. */
    record Page(String path, String name, String title) {
    }

    private static List<Page> pages() {
        return List.of(new Page("/", "overview", "Overview"), new Page("/dataset", "dataset", "Dataset"),
                new Page("/patterns", "patterns", "Patterns"), new Page("/user", "user", "User"),
                new Page("/experiments", "experiments", "Experiments"), new Page("/models", "models", "Models"));
    }

    /** The page's HTML: the shared shell with its title, script and body filled in. */
    static String html(Page page) {
        String shell = new String(read("shell.html"), StandardCharsets.UTF_8);
        return shell.replace("{{title}}", page.title()).replace("{{page}}", page.name())
                .replace("{{body}}", new String(read(page.name() + ".body.html"), StandardCharsets.UTF_8));
    }

    /** A public file: where it is served, its content type, its cache policy and its bytes. */
    public record StaticFile(String path, String type, String cache, byte[] body) {
    }

    /** Every file of the dashboard; fails when one is missing from the jar. */
    public static List<StaticFile> files() {
        List<StaticFile> out = new java.util.ArrayList<>();
        for (Page p : PAGES) {
            out.add(new StaticFile(p.path(), "text/html; charset=utf-8", "no-cache",
                    html(p).getBytes(StandardCharsets.UTF_8)));
        }
        List<String> assets = new java.util.ArrayList<>(SHARED);
        PAGES.forEach(p -> assets.add(p.name() + ".js"));
        for (String asset : assets) {
            out.add(new StaticFile("/dashboard/" + asset, type(asset), "no-cache", read(asset)));
        }
        try {
            out.add(new StaticFile("/dashboard/echarts.min.js", "text/javascript; charset=utf-8",
                    "public, max-age=86400", ReportHtml.echartsScript().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
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
