package dev.seqmind.cli.serve;

import dev.seqmind.cli.SeqmindCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {
    private static String[] run(String... args) {
        var cl = SeqmindCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void newKeyPrintsTheKeyOnceAndAHashLineTheKeyFileAccepts(@TempDir Path tmp) throws Exception {
        String[] r = run("serve", "--new-key", "read:frontend");
        assertThat(r[0]).isEqualTo("0");
        String key = r[1].lines().findFirst().orElseThrow().replaceAll(".*: ", "");
        String line = r[1].lines().skip(1).findFirst().orElseThrow().replace("line for the key file: ", "");
        assertThat(line).startsWith("read frontend ").doesNotContain(key);
        Files.writeString(tmp.resolve("keys"), line + "\n");
        var keys = dev.seqmind.server.security.ApiKeys.read(tmp.resolve("keys"));
        assertThat(keys.check(key)).map(p -> p.name()).contains("frontend");
        assertThat(keys.check(key + "x")).isEmpty();
    }

    @Test
    void badUsageExitsWithTwoAndNamesTheOption() {
        assertThat(run("serve", "--store", "x.sqlite")[0]).isEqualTo("2"); // no --keys
        String[] r = run("serve", "--new-key", "root:me");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--new-key");
        assertThat(run("serve", "--demo", "--demo-dir", "/nonexistent-demo")[2]).contains("seqmind demo");
        assertThat(run("serve", "--help")[1]).contains("--bind", "default: 127.0.0.1", "--pseudonymize");
    }
}
