package dev.mcpauth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file that cannot be read, met by a new process as a person would meet it. */
class BrokenConfigTest {

    @TempDir Path dir;

    private record Result(int exitCode, String out, String err) {}

    private Result mcpauth(String... args) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("config"), "port=\\u12\n");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String[] command = new String[args.length + 4];
        command[0] = java;
        command[1] = "-cp";
        command[2] = System.getProperty("java.class.path");
        command[3] = Main.class.getName();
        System.arraycopy(args, 0, command, 4, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MCPAUTH_CONFIG", config.toString());
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "mcpauth did not finish");
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void helpStillAnswersAndNamesTheFile() throws Exception {
        Result r = mcpauth("--help");

        assertEquals(ExitCode.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: mcpauth"), r.out());
        assertTrue(
                r.err().contains("cannot read the config file " + dir.resolve("config")), r.err());
    }

    @Test
    void aCommandStillStopsWithTheFilesProblem() throws Exception {
        Result r = mcpauth("token", "decode", "abc.def");

        assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot read the config file"), r.err());
    }
}
