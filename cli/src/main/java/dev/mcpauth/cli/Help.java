package dev.mcpauth.cli;

/** Text layout for help sections that picocli does not wrap itself. */
final class Help {

    private Help() {}

    /** Wraps words to {@code width} columns, each line indented by {@code indent} spaces. */
    static String wrap(String text, int indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(" ".repeat(indent));
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > indent) {
                out.append(line).append("%n");
                line = new StringBuilder(" ".repeat(indent));
            }
            if (line.length() > indent) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).toString();
    }
}
