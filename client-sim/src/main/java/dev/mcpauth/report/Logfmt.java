package dev.mcpauth.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code key=value key="quoted \" value"} pairs, the form of mcpauth's decision lines. */
final class Logfmt {

    private Logfmt() {}

    static Map<String, String> parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ' ') {
                i++;
            }
            String key = text.substring(keyStart, i);
            if (i >= n || text.charAt(i) != '=') {
                continue;
            }
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = text.charAt(i++);
                    }
                    value.append(c);
                }
                i++;
            } else {
                while (i < n && text.charAt(i) != ' ') {
                    value.append(text.charAt(i++));
                }
            }
            if (!key.isEmpty()) {
                pairs.put(key, value.toString());
            }
        }
        return pairs;
    }
}
