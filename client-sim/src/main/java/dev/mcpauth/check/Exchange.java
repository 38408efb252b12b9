package dev.mcpauth.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request a checker made and what came back: status, content type, time taken, and the
 * body (capped). A request that got no answer has status 0 and an {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Exchange(
        String method,
        String url,
        int status,
        String contentType,
        long millis,
        String error,
        @JsonIgnore Map<String, List<String>> headers,
        @JsonIgnore String body,
        @JsonIgnore boolean truncated) {

    public boolean answered() {
        return status > 0;
    }

    public boolean ok() {
        return status == 200;
    }

    /** Every value of a header, case-insensitively. */
    public List<String> headerValues(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    public Optional<String> header(String name) {
        return headerValues(name).stream().findFirst();
    }

    /** The media type without parameters, lower case, or "" when none was sent. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        String first = contentType.split("[,;]")[0];
        return first.strip().toLowerCase(Locale.ROOT);
    }

    /** One line for output: method, URL, status (or error), content type and time. */
    public String summary() {
        String outcome = answered() ? String.valueOf(status) : "no answer (" + error + ")";
        String type = contentType == null ? "" : " " + contentType;
        return method + " " + url + " -> " + outcome + type + " (" + millis + " ms)";
    }
}
