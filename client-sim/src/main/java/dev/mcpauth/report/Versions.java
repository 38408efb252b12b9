package dev.mcpauth.report;

/** Compares dotted version numbers such as {@code 1.105.1} and {@code 1.106.0-insider}. */
final class Versions {

    private Versions() {}

    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int number(String part) {
        String digits = part.replaceAll("\\D.*", "");
        return digits.isEmpty()
                ? 0
                : Integer.parseInt(digits.substring(0, Math.min(9, digits.length())));
    }
}
