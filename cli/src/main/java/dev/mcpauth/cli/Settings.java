package dev.mcpauth.cli;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line leaves it out: the shell session's
 * running server (for URL arguments), then {@code MCPAUTH_*} environment variables, then the config
 * file, then the option's own default. Also decides whether output is coloured.
 *
 * <p>For the option {@code --port} of {@code mcpauth server}, the variables {@code
 * MCPAUTH_SERVER_PORT} and {@code MCPAUTH_PORT} and the file keys {@code server.port} and {@code
 * port} are read, the command-qualified name first. A subcommand's option is also read under each
 * parent command: for {@code client-sim connect --profile}, {@code
 * MCPAUTH_CLIENT_SIM_CONNECT_PROFILE}, {@code MCPAUTH_CLIENT_SIM_PROFILE}, {@code MCPAUTH_PROFILE},
 * then the keys {@code client-sim.connect.profile}, {@code client-sim.profile} and {@code profile}.
 */
final class Settings implements IDefaultValueProvider {

    /** The label of a parameter that names the server to talk to. */
    private static final String URL_LABEL = "URL";

    private final Map<String, String> env;
    private final Path configFile;
    private final Properties file;
    private volatile ShellSession session;

    Settings(Map<String, String> env, Path configFile, Properties file) {
        this.env = env;
        this.configFile = configFile;
        this.file = file;
    }

    /** The settings of this process: its environment and the config file it names. */
    static Settings load() {
        return load(Main.environment());
    }

    /** The settings of an environment: a config file it names explicitly must exist. */
    static Settings load(Map<String, String> env) {
        Path path = configPath(env);
        String explicit = env.get("MCPAUTH_CONFIG");
        if (explicit != null && !explicit.isBlank() && !Files.exists(path)) {
            throw new CliException(
                    ExitCode.USAGE,
                    "MCPAUTH_CONFIG names the config file "
                            + path
                            + ", which does not exist; create it or unset MCPAUTH_CONFIG");
        }
        return new Settings(env, path, read(path));
    }

    /** {@code MCPAUTH_CONFIG}, else the XDG config directory's {@code mcpauth/config}. */
    static Path configPath(Map<String, String> env) {
        String explicit = env.get("MCPAUTH_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base =
                xdg != null && !xdg.isBlank()
                        ? Path.of(xdg)
                        : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("mcpauth").resolve("config");
    }

    private static Properties read(Path path) {
        Properties props = new Properties();
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new CliException(
                    ExitCode.USAGE,
                    "the config file "
                            + path
                            + " is a directory, not a file; remove it or point MCPAUTH_CONFIG"
                            + " at a file");
        }
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new CliException(
                        ExitCode.USAGE,
                        "cannot read the config file "
                                + path
                                + ": "
                                + e.getMessage()
                                + "; fix it or point MCPAUTH_CONFIG elsewhere");
            }
        }
        return props;
    }

    Path configFile() {
        return configFile;
    }

    /** Makes URL arguments default to the server a shell session started. */
    void session(ShellSession shell) {
        this.session = shell;
    }

    /** The shell session commands run in, if any. */
    Optional<ShellSession> session() {
        return Optional.ofNullable(session);
    }

    /** The settings of the command tree {@code spec} belongs to. */
    static Settings of(CommandSpec spec) {
        return (Settings) spec.commandLine().getDefaultValueProvider();
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg.isOption() && isHelp((OptionSpec) arg)) {
            return null;
        }
        if (targetsServer(arg)) {
            String url = session().map(ShellSession::url).orElse(null);
            if (url != null) {
                return url;
            }
        }
        if (!arg.isOption()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        envNames((OptionSpec) arg).forEach(name -> values.add(env.get(name)));
        fileKeys((OptionSpec) arg).forEach(key -> values.add(file.getProperty(key)));
        String value = first(values.toArray(String[]::new));
        return arg.type() == boolean.class || arg.type() == Boolean.class ? flag(value) : value;
    }

    /** A switch set as the environment usually sets one: 1/0, yes/no, on/off, true/false. */
    private static String flag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "yes", "on" -> "true";
            case "0", "no", "off" -> "false";
            default -> value;
        };
    }

    /**
     * Where the value of an option left out on the command line comes from, when the environment or
     * the config file sets it: {@code "MCPAUTH_FORMAT in the environment"}.
     */
    Optional<String> origin(OptionSpec option) {
        for (String name : envNames(option)) {
            if (hasText(env.get(name))) {
                return Optional.of(name + " in the environment");
            }
        }
        for (String key : fileKeys(option)) {
            if (hasText(file.getProperty(key))) {
                return Optional.of("'" + key + "' in the config file " + configFile);
            }
        }
        return Optional.empty();
    }

    /** The variables that set {@code option}, most specific first. */
    private static List<String> envNames(OptionSpec option) {
        String name = option.longestName().replaceFirst("^-+", "");
        return commandPaths(option.command()).stream()
                .map(c -> envName(c.isEmpty() ? name : c + "-" + name))
                .toList();
    }

    /** The config file keys that set {@code option}, most specific first. */
    private static List<String> fileKeys(OptionSpec option) {
        String name = option.longestName().replaceFirst("^-+", "");
        return commandPaths(option.command()).stream()
                .map(c -> c.isEmpty() ? name : c.replace(' ', '.') + "." + name)
                .toList();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The command's path and each of its ancestors', most specific first, ending with the empty
     * path: {@code ["client-sim connect", "client-sim", ""]}.
     */
    private static List<String> commandPaths(CommandSpec spec) {
        List<String> paths = new ArrayList<>();
        for (CommandSpec s = spec; s != null && s.parent() != null; s = s.parent()) {
            paths.add(commandPath(s));
        }
        paths.add("");
        return paths;
    }

    private static boolean isHelp(OptionSpec option) {
        return option.usageHelp() || option.versionHelp();
    }

    /**
     * The arguments that name the server to talk to: an optional parameter labelled URL, or a
     * {@code --server} option outside any argument group. Other URL options ({@code --resource},
     * {@code --jwks}, {@code --public-url}, ...) mean something else and keep their defaults.
     */
    private static boolean targetsServer(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName().equals("--server") && option.group() == null;
        }
        return URL_LABEL.equals(arg.paramLabel()) && arg.arity().min() == 0;
    }

    private static String commandPath(CommandSpec spec) {
        StringBuilder path = new StringBuilder();
        for (CommandSpec s = spec; s != null && s.parent() != null; s = s.parent()) {
            path.insert(0, path.isEmpty() ? s.name() : s.name() + " ");
        }
        return path.toString();
    }

    static String envName(String name) {
        return "MCPAUTH_"
                + name.toUpperCase(Locale.ROOT)
                        .replace('-', '_')
                        .replace('.', '_')
                        .replace(' ', '_');
    }

    private static String first(String... values) {
        for (String v : values) {
            if (hasText(v)) {
                return v.strip();
            }
        }
        return null;
    }

    /**
     * Colour on a terminal, off when piped; {@code NO_COLOR} (any value) turns it off and {@code
     * CLICOLOR_FORCE} (other than 0) turns it on, NO_COLOR winning.
     */
    Ansi ansi() {
        if (present("NO_COLOR")) {
            return Ansi.OFF;
        }
        if (present("CLICOLOR_FORCE") && !"0".equals(env.get("CLICOLOR_FORCE"))) {
            return Ansi.ON;
        }
        return isTerminal() && !"dumb".equals(env.get("TERM")) ? Ansi.ON : Ansi.OFF;
    }

    private boolean present(String name) {
        String v = env.get(name);
        return v != null && !v.isEmpty();
    }

    /** Whether stdout is a terminal; Java 22+ asks the console, earlier ones have none if not. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
