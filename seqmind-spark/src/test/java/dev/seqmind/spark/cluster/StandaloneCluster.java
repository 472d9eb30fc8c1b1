package dev.seqmind.spark.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and two workers (one core each), each a separate JVM started
 * from the Spark jars on this JVM's class path, as {@code spark-class org.apache.spark.deploy.master.Master} would.
 * Executors run this JVM's class path too ({@code spark.executor.extraClassPath}), so no assembly is needed. Closing
 * stops the JVMs it started.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final String url;
    private final int uiPort;

    private StandaloneCluster(Path dir, String url, int uiPort) {
        this.dir = dir;
        this.url = url;
        this.uiPort = uiPort;
    }

    /** The class path of the test JVM (surefire puts it in a property; the plain one may be a manifest jar). */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The JVM options Spark needs on JDK 17+ (the build passes them to the test JVM as the surefire argLine). */
    static List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")
                    || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")) {
                out.add(a);
            }
        }
        return out;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Starts the master and two workers and waits until both workers have registered. */
    static StandaloneCluster start(Path dir, Duration timeout) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        StandaloneCluster c = new StandaloneCluster(dir, "spark://127.0.0.1:" + port, freePort());
        try {
            c.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(port), "--webui-port", String.valueOf(c.uiPort));
            for (int w = 1; w <= 2; w++) {
                c.launch("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                        "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                        Files.createDirectories(dir.resolve("work-" + w)).toString(), c.url);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (c.aliveWorkers() < 2) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("workers did not register within " + timeout + "; master: "
                            + c.state());
                }
                Thread.sleep(250);
            }
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    /** Runs {@code mainClass} as a driver JVM against the cluster and returns its exit code. */
    int runDriver(String name, Duration timeout, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions());
        cmd.add("-Dspark.executor.extraClassPath=" + classPath());
        cmd.add("-Dspark.executor.extraJavaOptions=" + String.join(" ", jvmOptions()));
        cmd.add("-Dspark.executor.memory=512m");
        cmd.add("-Dspark.cores.max=2");
        cmd.add("-Dspark.driver.host=127.0.0.1");
        cmd.add("-Dspark.driver.bindAddress=127.0.0.1");
        cmd.add("-Dspark.ui.enabled=false");
        cmd.addAll(List.of("-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        Process p = process(name, cmd);
        if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see "
                    + dir.resolve(name + ".log"));
        }
        return p.exitValue();
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-Xmx512m", "-cp", classPath(), mainClass));
        cmd.addAll(List.of(args));
        process(name, cmd);
    }

    private Process process(String name, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("JAVA_HOME", Path.of(java()).getParent().getParent().toString());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** The master's state as its web UI gives it ({@code /json/}), or "" while it is not up. */
    String state() {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + uiPort
                    + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private int aliveWorkers() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)")
                .matcher(state());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes.reversed()) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
