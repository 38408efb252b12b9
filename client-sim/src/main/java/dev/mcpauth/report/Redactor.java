package dev.mcpauth.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text with placeholders, the same placeholder for the same value everywhere in
 * one report: tokens, authorization codes, client secrets and verifiers, e-mail addresses, user
 * names in home-directory paths and, when asked, host names. Instance ids stay readable: they are
 * server start times, and they tell which instance issued a token.
 */
public final class Redactor {

    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern INSTANCE_TOKEN =
            Pattern.compile("(?<![\\w.-])(\\d{13,15})\\.([A-Za-z0-9_-]{16,})");
    private static final Pattern BEARER =
            Pattern.compile(
                    "(?i)(bearer\\s+)(?!\\*\\*\\*)(?![\\w.-]*<)([A-Za-z0-9._~+/-]{8,}+)(?!=)");
    private static final Pattern PARAM =
            Pattern.compile(
                    "(?i)(?<![\\w-])(code|access_token|refresh_token|id_token|client_secret"
                            + "|code_verifier|password|token|assertion)=(?!fp:)(?![\\w.-]*<)"
                            + "([^&\\s\"'|]+)");
    private static final Pattern MEMBER =
            Pattern.compile(
                    "(?i)(\\\\?\"(?:code|access_token|refresh_token|id_token|client_secret"
                            + "|code_verifier|password|token)\\\\?\"\\s*:\\s*\\\\?\")"
                            + "(?![\\w.-]*<)([^\"\\\\]+)");
    private static final Pattern LONG_SECRET =
            Pattern.compile("(?<![\\w./:<-])[A-Za-z0-9_-]{32,}+(?![\\w<-])");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern USER_PATH =
            Pattern.compile(
                    "(/home/|/Users/|[A-Za-z]:\\\\{1,2}Users\\\\{1,2})(?!<)([^/\\\\\\s\"']+)");
    private static final Pattern URL_HOST =
            Pattern.compile("(?i)(https?://)(?:[^@/\\s\"]+@)?([A-Za-z0-9.-]+)");
    private static final Set<String> PUBLIC_HOSTS =
            Set.of(
                    "localhost",
                    "127.0.0.1",
                    "vscode.dev",
                    "insiders.vscode.dev",
                    "code.visualstudio.com",
                    "github.com",
                    "datatracker.ietf.org",
                    "modelcontextprotocol.io");

    private final boolean hosts;
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    public Redactor(boolean redactHosts) {
        this.hosts = redactHosts;
    }

    /** The text with every secret replaced. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = replace(text, JWT, m -> placeholder("token", m.group()));
        s = replace(s, INSTANCE_TOKEN, m -> m.group(1) + "." + placeholder("token", m.group()));
        s = replace(s, BEARER, m -> m.group(1) + placeholder("token", m.group(2)));
        s = replace(s, PARAM, m -> m.group(1) + "=" + placeholder(kind(m.group(1)), m.group(2)));
        s = replace(s, MEMBER, m -> m.group(1) + placeholder(kind(m.group(1)), m.group(2)));
        s =
                replace(
                        s,
                        LONG_SECRET,
                        m -> random(m.group()) ? placeholder("secret", m.group()) : m.group());
        s = replace(s, EMAIL, m -> placeholder("email", m.group()));
        s = replace(s, USER_PATH, m -> m.group(1) + placeholder("user", m.group(2)));
        if (hosts) {
            s = replace(s, URL_HOST, m -> m.group(1) + host(m.group(2)));
            s = bareHosts(s);
        }
        return s;
    }

    /**
     * Whether a long word looks random rather than like a name: digits and letters mixed, and few
     * separators (hyphenated file names and identifiers have many).
     */
    private static boolean random(String word) {
        long digits = word.chars().filter(Character::isDigit).count();
        long separators = word.chars().filter(c -> c == '-' || c == '_').count();
        return digits >= 3 && word.length() - digits - separators >= 3 && separators <= 4;
    }

    /** Host names already seen in URLs, also where they appear without a scheme. */
    private String bareHosts(String text) {
        String s = text;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            if (e.getKey().startsWith("host\u0000")) {
                String name = e.getKey().substring(5);
                String p = e.getValue();
                Pattern bare =
                        Pattern.compile("(?i)(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])");
                s = replace(s, bare, m -> p.substring(1, p.length() - 1) + ".example");
            }
        }
        return s;
    }

    private String host(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (PUBLIC_HOSTS.contains(lower) || lower.startsWith("127.") || lower.startsWith("<")) {
            return name;
        }
        String p = placeholder("host", lower);
        return p.substring(1, p.length() - 1) + ".example";
    }

    private static String kind(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", "");
        if (n.equals("code")) {
            return "code";
        }
        return n.contains("token") || n.equals("assertion") ? "token" : "secret";
    }

    private String placeholder(String kind, String value) {
        return placeholders.computeIfAbsent(
                kind + "\u0000" + value,
                k -> "<" + kind + "-" + counters.merge(kind, 1, Integer::sum) + ">");
    }

    private static String replace(String text, Pattern p, Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
