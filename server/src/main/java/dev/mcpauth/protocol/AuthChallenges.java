package dev.mcpauth.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tolerant reader of the {@code WWW-Authenticate} grammar of RFC 9110 section 11.6.1: several
 * challenges, quoted strings with escapes, extra whitespace, and a parameter given twice kept twice
 * so that checkers can report it.
 */
public final class AuthChallenges {

    private AuthChallenges() {}

    /** One challenge: a scheme, its parameters in order, or a token68. */
    public record Challenge(String scheme, List<Param> params, String token68) {

        /** The first value of a parameter, matched case-insensitively, or null. */
        public String first(String name) {
            return params.stream()
                    .filter(p -> p.name().equalsIgnoreCase(name))
                    .map(Param::value)
                    .findFirst()
                    .orElse(null);
        }

        public long count(String name) {
            return params.stream().filter(p -> p.name().equalsIgnoreCase(name)).count();
        }
    }

    /** An auth-param; {@code quoted} tells whether it was sent as a quoted-string. */
    public record Param(String name, String value, boolean quoted) {}

    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        if (header == null) {
            return challenges;
        }
        Reader in = new Reader(header);
        while (in.skipSeparators()) {
            String scheme = in.token();
            if (scheme.isEmpty()) {
                in.skipToComma();
                continue;
            }
            challenges.add(readChallenge(in, scheme));
        }
        return challenges;
    }

    private static Challenge readChallenge(Reader in, String scheme) {
        List<Param> params = new ArrayList<>();
        in.skipSpaces();
        int mark = in.pos;
        String first = in.token68();
        in.skipSpaces();
        if (!first.isEmpty() && !in.peek('=') && (in.atEnd() || in.peek(','))) {
            return new Challenge(scheme, params, first);
        }
        in.pos = mark;
        while (true) {
            in.skipSpaces();
            int start = in.pos;
            String name = in.token();
            in.skipSpaces();
            if (name.isEmpty() || !in.peek('=')) {
                in.pos = start;
                return new Challenge(scheme, params, null);
            }
            in.pos++;
            in.skipSpaces();
            boolean quoted = in.peek('"');
            String value = quoted ? in.quotedString() : in.token();
            params.add(new Param(name.toLowerCase(Locale.ROOT), value, quoted));
            in.skipSpaces();
            if (!in.peek(',')) {
                return new Challenge(scheme, params, null);
            }
            in.pos++;
        }
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        void skipSpaces() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** Skips spaces and commas between challenges; false at the end of input. */
        boolean skipSeparators() {
            while (pos < s.length() && " \t,".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            return pos < s.length();
        }

        void skipToComma() {
            while (pos < s.length() && s.charAt(pos) != ',') {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (pos < s.length() && isTchar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String token68() {
            int start = pos;
            while (pos < s.length()
                    && (isTchar(s.charAt(pos)) || "/+".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            while (pos < s.length() && s.charAt(pos) == '=') {
                pos++;
            }
            return s.substring(start, pos);
        }

        String quotedString() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                out.append(c);
            }
            pos++;
            return out.toString();
        }

        private static boolean isTchar(char c) {
            return Character.isLetterOrDigit(c) && c < 128 || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
