package dev.seqmind.server.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL for tests: Debian's binaries ({@code /usr/lib/postgresql/N/bin}, or {@code initdb} on the
 * PATH, or {@code $SEQMIND_PG_BIN}), {@code initdb} into a temporary directory and {@code pg_ctl start} on
 * 127.0.0.1 at a free port. PostgreSQL refuses to run as root, so as root the commands run as the {@code postgres}
 * user (created by the Debian package) through {@code runuser}. {@code .ci/run} installs the package.
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The directory holding {@code initdb} and {@code pg_ctl}, or {@code null} when PostgreSQL is not installed. */
    public static Path binaries() {
        String env = System.getenv("SEQMIND_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Path.of(env);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> s = Files.list(debian)) {
                var found = s.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
                        .max(Comparator.comparing(p -> versionOf(p.getParent())));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb")) && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Path.of(p);
            }
        }
        return null;
    }

    private static int versionOf(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Initialises and starts a cluster on the installed binaries, or skips the calling test (a JUnit assumption) when
     * PostgreSQL is not installed.
     */
    public static LocalPostgres startOrSkip() throws IOException, InterruptedException {
        Path bin = binaries();
        org.junit.jupiter.api.Assumptions.assumeTrue(bin != null, "PostgreSQL tests skipped: no PostgreSQL binaries"
                + " (initdb, pg_ctl) found; install Debian's 'postgresql' package (.ci/run does) or set SEQMIND_PG_BIN");
        return start(bin);
    }

    /** Initialises and starts a cluster. */
    public static LocalPostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("seqmind-pg-");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
        pg.cmd(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "seqmind",
                "-A", "trust", "-E", "UTF8", "--no-sync"));
        pg.startServer();
        return pg;
    }

    /** {@code pg_ctl start} (again, after {@link #stopServer()}). */
    public void startServer() throws IOException, InterruptedException {
        cmd(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log.txt").toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1", "start"));
    }

    /** {@code pg_ctl stop -m immediate}: the database goes away at once. */
    public void stopServer() throws IOException, InterruptedException {
        cmd(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
    }

    /** The cluster's data directory (owned by the {@code postgres} user when the tests run as root). */
    public Path dataDir() {
        return dir.resolve("data");
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=seqmind";
    }

    /** Drops {@code tables} (when there) and returns {@link #url()}: a database without them, for a fresh test. */
    public String without(String... tables) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url());
             java.sql.Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
        return url();
    }

    /**
     * One PostgreSQL for a test class: {@code @RegisterExtension static final LocalPostgres.PerClass PG = new
     * LocalPostgres.PerClass();} starts it before the class (skipping the class when PostgreSQL is not installed)
     * and stops it after.
     */
    public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {
        private LocalPostgres pg;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            pg = startOrSkip();
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            if (pg != null) {
                pg.close();
                pg = null;
            }
        }

        /** The running database. */
        public LocalPostgres get() {
            return pg;
        }
    }

    private void cmd(List<String> args) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(args);
        run(full, true);
    }

    private static void run(List<String> args, boolean check) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + args);
        }
        if (check && p.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed (" + p.exitValue() + "): " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        } catch (IOException e) {
            // already stopped
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
