package dev.mcpauth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;

/**
 * The read-eval loop of {@code mcpauth shell}: JLine reads a line, the same picocli tree as the
 * command line runs it on a worker thread, so Ctrl-C can interrupt the command and not the shell.
 */
final class Repl {

    private static final String PROMPT = "mcpauth> ";

    private final Settings settings;
    private final Terminal given;
    private final Path historyFile;

    /** A loop on {@code terminal} (null: the system terminal), keeping history in a file. */
    Repl(Settings settings, Terminal terminal, Path historyFile) {
        this.settings = settings;
        this.given = terminal;
        this.historyFile = historyFile;
    }

    /**
     * Runs the loop until Ctrl-D, {@code exit} or the end of input. At a terminal the result is OK;
     * with input from a pipe or file, as in {@code sh < script}, there is no prompt, errors go to
     * stderr and the result is the last command's exit code.
     */
    int run() throws IOException {
        try (Terminal terminal = given != null ? given : systemTerminal()) {
            boolean interactive = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
            PrintWriter out = terminal.writer();
            PrintWriter err =
                    interactive || given != null ? out : new PrintWriter(System.err, true);
            AtomicReference<LineReader> readerRef = new AtomicReference<>();
            java.util.function.Consumer<String> logs =
                    err == out ? line -> printAbove(readerRef, line) : err::println;
            try (ShellSession session = new ShellSession(logs)) {
                CommandLine tree = tree(session, out, err);
                LineReader reader = reader(terminal, tree);
                readerRef.set(reader);
                AtomicReference<Thread> running = new AtomicReference<>();
                terminal.handle(Terminal.Signal.INT, signal -> interrupt(running.get()));
                int last = loop(reader, interactive ? PROMPT : "", tree, session, running, err);
                return interactive ? ExitCode.OK : last;
            } finally {
                settings.session(null);
            }
        }
    }

    private static Terminal systemTerminal() throws IOException {
        // dumb(true): piped input gets a plain line reader without JLine's warning.
        return TerminalBuilder.builder().name("mcpauth").system(true).dumb(true).build();
    }

    private CommandLine tree(ShellSession session, PrintWriter out, PrintWriter err) {
        settings.session(session);
        CommandLine tree = new CommandLine(new McpauthCommand());
        Commands.addAll(tree);
        tree.addSubcommand("help", new CommandLine.HelpCommand());
        session.commands().forEach(tree::addSubcommand);
        Main.configure(tree, settings);
        tree.setOut(out);
        tree.setErr(err);
        return tree;
    }

    private LineReader reader(Terminal terminal, CommandLine tree) throws IOException {
        // As in bash, an open quote continues the line on the next one, instead of running the
        // command with the quote silently dropped.
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(true);
        LineReader reader =
                LineReaderBuilder.builder()
                        .terminal(terminal)
                        .appName("mcpauth")
                        .parser(parser)
                        .completer(ShellCompleter.of(tree))
                        .history(new ShellHistory())
                        .variable(LineReader.HISTORY_FILE, history())
                        .build();
        reader.unsetOpt(LineReader.Option.INSERT_TAB);
        return reader;
    }

    /**
     * The history file, created readable by its owner only: lines may hold secrets (those that hold
     * a token are not written, see {@link ShellHistory}).
     */
    private Path history() throws IOException {
        Path file = historyFile;
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the user's profile directory protects it instead.
            }
        }
        return file;
    }

    /** Reads and runs lines until the end; returns the exit code of the last command run. */
    private int loop(
            LineReader reader,
            String prompt,
            CommandLine tree,
            ShellSession session,
            AtomicReference<Thread> running,
            PrintWriter err) {
        int last = ExitCode.OK;
        while (true) {
            List<String> words;
            try {
                reader.readLine(prompt);
                words = words(reader.getParsedLine());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return last;
            }
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"))) {
                return last;
            }
            String[] args = expand(words, session, err);
            last =
                    args == null
                            ? ExitCode.USAGE
                            : execute(tree, withSessionUrl(tree, args, session), running, err);
        }
    }

    private static List<String> words(ParsedLine line) {
        List<String> words = new ArrayList<>();
        for (String w : line.words()) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Replaces {@code $url} by the session server's URL; null when there is none. */
    private static String[] expand(List<String> words, ShellSession session, PrintWriter out) {
        String[] args = new String[words.size()];
        for (int i = 0; i < args.length; i++) {
            String w = words.get(i);
            if (w.contains("$url") || w.contains("${url}")) {
                String url = session.url();
                if (url == null) {
                    out.println("mcpauth: $url is unset: no server runs in this shell");
                    out.flush();
                    return null;
                }
                w = w.replace("${url}", url).replace("$url", url);
            }
            args[i] = w;
        }
        return args;
    }

    /**
     * Appends the session server's URL when the command's only missing argument is a required URL
     * parameter; optional URL arguments get it from {@link Settings} instead.
     */
    private static String[] withSessionUrl(CommandLine tree, String[] args, ShellSession session) {
        String url = session.url();
        if (url == null) {
            return args;
        }
        try {
            tree.parseArgs(args);
            return args;
        } catch (CommandLine.MissingParameterException e) {
            boolean onlyUrl =
                    e.getMissing().size() == 1
                            && !e.getMissing().get(0).isOption()
                            && "URL".equals(e.getMissing().get(0).paramLabel());
            if (!onlyUrl) {
                return args;
            }
            String[] more = java.util.Arrays.copyOf(args, args.length + 1);
            more[args.length] = url;
            return more;
        } catch (CommandLine.ParameterException e) {
            return args;
        }
    }

    private static int execute(
            CommandLine tree, String[] args, AtomicReference<Thread> running, PrintWriter out) {
        AtomicInteger code = new AtomicInteger();
        Thread worker =
                new Thread(
                        () -> {
                            try {
                                code.set(tree.execute(args));
                            } catch (RuntimeException | Error e) {
                                out.println("mcpauth: the command failed: " + e);
                                code.set(ExitCode.FAILURE);
                            }
                        },
                        "mcpauth-shell-command");
        running.set(worker);
        worker.start();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        running.set(null);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (code.get() == ExitCode.INTERRUPTED) {
            out.println("(cancelled)");
        }
        out.flush();
        return code.get();
    }

    private static void interrupt(Thread worker) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private static void printAbove(AtomicReference<LineReader> reader, String line) {
        LineReader r = reader.get();
        if (r != null && r.isReading()) {
            r.printAbove(line);
        } else if (r != null) {
            r.getTerminal().writer().println(line);
            r.getTerminal().flush();
        }
    }
}
