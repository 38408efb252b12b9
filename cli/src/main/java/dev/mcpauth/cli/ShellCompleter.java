package dev.mcpauth.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.SystemCompleter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.shell.jline3.PicocliCommands;

/**
 * Picocli's completer for commands and option names; after an option that takes a value, that
 * option's candidates, or file names when it takes files (directories only for a DIR); file names
 * too for a positional parameter that takes files. Picocli's completer reads every word not
 * starting with {@code -} as a subcommand name and offers nothing after an option's value or a
 * positional parameter, so it sees the line with only the command names and options before the word
 * completed.
 */
record ShellCompleter(Completer commands, CommandLine tree) implements Completer {

    private static final Completer FILES = new Completers.FileNameCompleter();
    private static final Completer DIRECTORIES =
            new Completers.DirectoriesCompleter(() -> Path.of(System.getProperty("user.dir")));

    /** The shell's completer over {@code tree}. */
    static Completer of(CommandLine tree) {
        SystemCompleter commands = new PicocliCommands(tree).compileCompleters();
        commands.compile(Candidate::new);
        return new ShellCompleter(commands, tree);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Position position = position(line);
        OptionSpec option = position.optionBefore(line);
        if (option == null || option.arity().max() == 0) {
            commands.complete(reader, position.line(line), candidates);
            if (!line.word().startsWith("-")) {
                position.positionalValues().forEach(v -> candidates.add(new Candidate(v)));
                if (position.positionalTakesFiles()) {
                    FILES.complete(reader, line, candidates);
                }
            }
        } else if (option.completionCandidates() != null) {
            for (String value : option.completionCandidates()) {
                candidates.add(new Candidate(value));
            }
        } else if (Candidates.takesFiles(option)) {
            // An option labelled DIR (--data-dir, --cache-dir) takes a directory, not a file.
            (option.paramLabel().equals("DIR") ? DIRECTORIES : FILES)
                    .complete(reader, line, candidates);
        }
    }

    /** The command the words before the cursor's word name, and what they hold for it. */
    private Position position(ParsedLine line) {
        CommandSpec spec = tree.getCommandSpec();
        List<String> kept = new ArrayList<>();
        int positionals = 0;
        List<String> before = line.words().subList(0, Math.max(0, line.wordIndex()));
        for (int i = 0; i < before.size(); i++) {
            String w = before.get(i);
            CommandLine sub = spec.subcommands().get(w);
            OptionSpec previous = i == 0 ? null : option(spec, before.get(i - 1));
            if (sub != null && (previous == null || previous.arity().min() == 0)) {
                spec = sub.getCommandSpec();
                kept.add(w);
                positionals = 0;
            } else if (w.startsWith("-")) {
                kept.add(w);
            } else if (previous == null || previous.arity().max() == 0) {
                positionals++;
            }
        }
        return new Position(spec, kept, positionals);
    }

    /** The option {@code word} names (not one with its value after {@code =}), or null. */
    private static OptionSpec option(CommandSpec spec, String word) {
        return word.startsWith("-") ? spec.findOption(word) : null;
    }

    /** A command, the command names and options naming it, its positional words so far. */
    private record Position(CommandSpec spec, List<String> kept, int positionals) {

        OptionSpec optionBefore(ParsedLine line) {
            if (line.wordIndex() < 1) {
                return null;
            }
            return spec.findOption(line.words().get(line.wordIndex() - 1));
        }

        boolean positionalTakesFiles() {
            return spec.positionalParameters().stream()
                    .anyMatch(p -> p.index().contains(positionals) && Candidates.takesFiles(p));
        }

        /**
         * The values of the positional parameter at the cursor: its completion candidates ({@code
         * completion SHELL}), or the command names for {@code help COMMAND}.
         */
        List<String> positionalValues() {
            List<String> values = new ArrayList<>();
            if (spec.userObject() instanceof CommandLine.HelpCommand && positionals == 0) {
                values.addAll(spec.parent().subcommands().keySet());
            }
            for (var p : spec.positionalParameters()) {
                if (p.index().contains(positionals) && p.completionCandidates() != null) {
                    p.completionCandidates().forEach(values::add);
                }
            }
            return values;
        }

        /** {@code line} as picocli's completer can read it. */
        ParsedLine line(ParsedLine line) {
            List<String> words = new ArrayList<>(kept);
            words.add(line.word());
            return new Words(words, line.word(), line.wordCursor());
        }
    }

    /** A line of words, completing the last. */
    private record Words(List<String> words, String word, int wordCursor) implements ParsedLine {

        @Override
        public int wordIndex() {
            return words.size() - 1;
        }

        @Override
        public String line() {
            return String.join(" ", words);
        }

        @Override
        public int cursor() {
            return line().length() - word.length() + wordCursor;
        }
    }
}
