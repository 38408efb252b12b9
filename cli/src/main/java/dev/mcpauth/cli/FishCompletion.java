package dev.mcpauth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script for a picocli command tree: one {@code complete} line per subcommand,
 * option and positional parameter, conditioned on the subcommands already on the line.
 */
final class FishCompletion {

    private FishCompletion() {}

    static String script(CommandLine tree) {
        String name = tree.getCommandName();
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ")
                .append(name)
                .append(", generated from its commands")
                .append(" by '")
                .append(name)
                .append(" completion fish'.\n");
        out.append("complete -c ").append(name).append(" -e\n");
        out.append("complete -c ").append(name).append(" -f\n");
        command(out, name, tree, List.of());
        return out.toString();
    }

    private static void command(
            StringBuilder out, String name, CommandLine cli, List<String> path) {
        String here = condition(cli, path);
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            out.append("complete -c ")
                    .append(name)
                    .append(" -n ")
                    .append(quote(here))
                    .append(" -a ")
                    .append(quote(sub.getKey()))
                    .append(" -d ")
                    .append(quote(summary(sub.getValue().getCommandSpec())))
                    .append('\n');
        }
        String seen = seen(path);
        for (OptionSpec option : cli.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            out.append("complete -c ").append(name);
            if (!seen.isEmpty()) {
                out.append(" -n ").append(quote(seen));
            } else {
                out.append(" -n ").append(quote(here));
            }
            for (String n : option.names()) {
                out.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
            }
            out.append(" -d ").append(quote(first(option.description())));
            values(out, option.typeInfo().isBoolean() ? null : option);
            out.append('\n');
        }
        for (PositionalParamSpec p : cli.getCommandSpec().positionalParameters()) {
            if (p.hidden() || p.completionCandidates() == null && !Candidates.takesFiles(p)) {
                continue;
            }
            out.append("complete -c ").append(name).append(" -n ").append(quote(here));
            values(out, p);
            out.append('\n');
        }
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            command(out, name, sub.getValue(), next);
        }
    }

    private static void values(StringBuilder out, picocli.CommandLine.Model.ArgSpec arg) {
        if (arg == null) {
            return;
        }
        if (arg.completionCandidates() != null) {
            out.append(" -x -a ").append(quote(String.join(" ", arg.completionCandidates())));
        } else if (Candidates.takesFiles(arg)) {
            out.append(" -r -F");
        } else {
            out.append(" -x");
        }
    }

    /** True while the words so far name {@code path} and no subcommand of it yet. */
    private static String condition(CommandLine cli, List<String> path) {
        String children = String.join(" ", cli.getSubcommands().keySet());
        if (path.isEmpty()) {
            return "__fish_use_subcommand";
        }
        String seen = seen(path);
        return children.isEmpty()
                ? seen
                : seen + "; and not __fish_seen_subcommand_from " + children;
    }

    private static String seen(List<String> path) {
        List<String> parts = new ArrayList<>();
        for (String p : path) {
            parts.add("__fish_seen_subcommand_from " + p);
        }
        return String.join("; and ", parts);
    }

    private static String summary(CommandSpec spec) {
        return first(spec.usageMessage().description());
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0].replaceAll("\\$\\{[^}]*}", "").strip();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
