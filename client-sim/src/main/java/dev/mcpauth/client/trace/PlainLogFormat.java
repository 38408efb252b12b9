package dev.mcpauth.client.trace;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The trace of the SDK and spec profiles: one line per exchange ({@code POST url -> 401}, with the
 * challenge or redirect that matters) and one per log message.
 */
public final class PlainLogFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private PlainLogFormat() {}

    public static List<String> lines(TraceEvent event) {
        String time = TIME.format(event.time());
        if (event.exchange() == null) {
            return List.of(time + " " + event.level().label() + " " + event.message());
        }
        HttpExchange x = event.exchange();
        StringBuilder line =
                new StringBuilder(time)
                        .append(HttpExchange.BROWSER.equals(x.actor()) ? " browser " : " http ")
                        .append(x.method())
                        .append(' ')
                        .append(Redaction.text(x.url()))
                        .append(x.carriedToken() ? " (with token)" : "")
                        .append(" -> ");
        if (x.status() == 0) {
            line.append("no response: ").append(x.error());
        } else {
            line.append(x.status()).append(" (").append(x.millis()).append(" ms)");
            String challenge = x.responseHeader("WWW-Authenticate");
            if (challenge != null) {
                line.append(" WWW-Authenticate: ").append(challenge);
            }
            String location = x.responseHeader("Location");
            if (location != null) {
                line.append(" Location: ").append(Redaction.text(location));
            }
        }
        return List.of(line.toString());
    }
}
