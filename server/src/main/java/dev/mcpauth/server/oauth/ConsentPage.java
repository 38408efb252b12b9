package dev.mcpauth.server.oauth;

import java.net.URI;

/**
 * The HTML consent page: who asks (client name and id), where the code will go (the redirect host,
 * shown plainly as MCP 2025-11-25 asks), which scopes, and Approve or Deny.
 */
final class ConsentPage {

    private ConsentPage() {}

    static String render(String requestId, AuthorizationRequest request, String resource) {
        String name =
                request.client().clientName() == null
                        ? "An unnamed client"
                        : request.client().clientName();
        StringBuilder scopes = new StringBuilder();
        request.scopes()
                .forEach(s -> scopes.append("<li><code>").append(escape(s)).append("</code></li>"));
        String ignored =
                request.ignoredScopes().isEmpty()
                        ? ""
                        : "<p class=note>Not offered by "
                                + "this server, so not granted: <code>"
                                + escape(String.join(" ", request.ignoredScopes()))
                                + "</code></p>";
        return page(
                "Authorize " + escape(name),
                """
                <h1>%s wants to use this MCP server</h1>
                <dl>
                  <dt>Client</dt><dd>%s <small>(client_id <code>%s</code>)</small></dd>
                  <dt>Redirects to</dt><dd><strong>%s</strong> <small>%s</small></dd>
                  <dt>Resource</dt><dd><code>%s</code></dd>
                  <dt>Scopes</dt><dd><ul>%s</ul></dd>
                </dl>
                %s
                <form method="post" action="/authorize">
                  <input type="hidden" name="request_id" value="%s">
                  <button type="submit" name="decision" value="approve">Approve</button>
                  <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                """
                        .formatted(
                                escape(name),
                                escape(name),
                                escape(request.client().clientId()),
                                escape(host(request.redirectUri())),
                                escape(request.redirectUri()),
                                escape(resource),
                                scopes,
                                ignored,
                                escape(requestId)));
    }

    /** A page that explains a request that cannot be sent back to the client. */
    static String error(String title, String detail) {
        return page(escape(title), "<h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p>");
    }

    private static String page(String title, String body) {
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · mcpauth</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto;
                 padding: 0 1rem; color: #1d1d1f; }
          dt { font-weight: 600; margin-top: .75rem; } dd { margin: 0; }
          button { font-size: 1rem; padding: .5rem 1.25rem; margin-right: .5rem; }
          .note { color: #8a5a00; }
        </style></head>
        <body>%s</body></html>
        """
                .formatted(title, body);
    }

    private static String host(String uri) {
        try {
            URI parsed = URI.create(uri);
            return parsed.getHost() != null ? parsed.getHost() : parsed.getScheme() + ":";
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
