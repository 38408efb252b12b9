package dev.mcpauth.bench;

import java.util.Locale;

/** How the benchmark tables print numbers: fixed decimals, percentages and ratios; n/a for none. */
final class Figures {

    private Figures() {}

    static String fixed(double value, int decimals) {
        return Double.isNaN(value)
                ? "n/a"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * ratio);
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio)
                ? "n/a"
                : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
