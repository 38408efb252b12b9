package dev.mcpauth.cli;

/** The exit codes of every mcpauth command, shown in {@code --help}. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int CHECKS_FAILED = 3;
    public static final int AUTHORIZATION_NEEDED = 4;
    public static final int UNREACHABLE = 5;
    public static final int INTERRUPTED = 130;

    static final String TABLE =
            """
            Exit codes:
              0    ok
              1    failure
              2    usage error or unreadable input
              3    checks failed
              4    authorization needed
              5    server unreachable
              130  interrupted\
            """;

    private ExitCode() {}
}
