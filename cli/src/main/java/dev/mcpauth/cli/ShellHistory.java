package dev.mcpauth.cli;

import java.time.Instant;
import java.util.List;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, which keeps no token: a {@code token decode} or {@code token verify} line is
 * left out unless it reads the token from stdin ({@code -}) or names none (only options), so
 * neither the history file nor the up arrow brings a pasted token back.
 */
final class ShellHistory extends DefaultHistory {

    private static final List<String> TOKEN_COMMANDS = List.of("decode", "verify");

    @Override
    public void add(Instant time, String line) {
        if (!holdsToken(line)) {
            super.add(time, line);
        }
    }

    /** True for a line that runs a token command with words that may be a token. */
    static boolean holdsToken(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        int token = words.indexOf("token");
        int command = -1;
        for (int i = token + 1; token >= 0 && i < words.size() && command < 0; i++) {
            command = TOKEN_COMMANDS.contains(words.get(i)) ? i : -1;
        }
        if (command < 0) {
            return false;
        }
        List<String> rest = words.subList(command + 1, words.size());
        return !rest.contains("-") && rest.stream().anyMatch(w -> !w.startsWith("-"));
    }
}
