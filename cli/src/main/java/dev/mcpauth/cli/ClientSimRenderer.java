package dev.mcpauth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpauth.client.profile.ClientProfile;
import dev.mcpauth.client.scenario.ConnectScenario.ConnectRun;
import dev.mcpauth.client.scenario.RestartMatrix;
import dev.mcpauth.client.scenario.RestartOutcome;
import dev.mcpauth.client.scenario.ServerSetup;
import dev.mcpauth.client.session.ConnectResult;
import dev.mcpauth.protocol.Json;
import java.io.PrintWriter;

/** Text and JSON for the results of the client-sim commands. */
final class ClientSimRenderer {

    private ClientSimRenderer() {}

    static void connect(
            PrintWriter out, ClientSimOutput output, ClientProfile profile, ConnectRun run) {
        output.printTrace(out, profile.name(), profile.isVsCode(), run.trace().events());
        ConnectResult r = run.result();
        if (output.isJson()) {
            ObjectNode json = result(profile.name(), r);
            json.put("cache_file", String.valueOf(run.cacheFile()));
            json.put("forgotten", run.forgotten());
            out.println(Json.write(json));
        } else {
            out.println();
            out.println(summary(profile.name(), r));
            if (run.cacheFile() != null) {
                out.println("cache: " + run.cacheFile());
            }
        }
        out.flush();
    }

    static void restart(
            PrintWriter out, ClientSimOutput output, ClientProfile profile, RestartOutcome o) {
        output.printTrace(out, profile.name(), profile.isVsCode(), o.trace().events());
        if (output.isJson()) {
            out.println(Json.write(outcome(o)));
        } else {
            out.println();
            out.println(o.verdict().label() + ": " + o.reason());
            out.println(
                    "server: "
                            + o.setup().label()
                            + "; reconnection: "
                            + o.roundTrips()
                            + " round trips in "
                            + o.steps().size()
                            + (o.steps().size() == 1 ? " step (" : " steps (")
                            + String.join(", ", o.steps())
                            + "); a person had to act: "
                            + (o.personActed() ? "yes" : "no"));
        }
        out.flush();
    }

    static void matrix(PrintWriter out, ClientSimOutput output, RestartMatrix m) {
        if (output.isJson()) {
            for (RestartOutcome o : m.cells()) {
                out.println(Json.write(outcome(o)));
            }
            out.flush();
            return;
        }
        StringBuilder header = new StringBuilder(String.format("%-13s", "profile"));
        for (ServerSetup s : m.columns()) {
            header.append(String.format(" %-20s", s.label()));
        }
        out.println(header.toString().stripTrailing());
        for (String profile : m.profiles()) {
            StringBuilder row = new StringBuilder(String.format("%-13s", profile));
            for (ServerSetup s : m.columns()) {
                RestartOutcome o = m.cell(profile, s);
                row.append(String.format(" %-20s", o.verdict().label()));
            }
            out.println(row.toString().stripTrailing());
        }
        out.println();
        out.println("Why:");
        for (RestartOutcome o : m.cells()) {
            out.println(
                    String.format("  %-13s %-20s %s", o.profile(), o.setup().label(), o.reason()));
        }
        out.println();
        out.println(m.cells().size() + " restarts in " + m.elapsed().toMillis() + " ms");
        out.flush();
    }

    private static String summary(String profile, ConnectResult r) {
        StringBuilder s = new StringBuilder();
        if (r.connected()) {
            s.append("connected as ")
                    .append(profile)
                    .append(" to ")
                    .append(r.serverName() == null ? "the server" : r.serverName())
                    .append(": ")
                    .append(r.tools().size())
                    .append(" tools ")
                    .append(r.tools());
            if (r.toolCalled() != null) {
                s.append("; called ").append(r.toolCalled());
            }
        } else {
            s.append(r.stuck() ? "STUCK: " : "FAILED: ").append(r.failure());
        }
        return s.append("\nround trips: ")
                .append(r.roundTrips())
                .append("; a person had to act: ")
                .append(r.personActed() ? "yes" : "no")
                .toString();
    }

    private static ObjectNode result(String profile, ConnectResult r) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("type", "result");
        json.put("profile", profile);
        json.put("connected", r.connected());
        json.put("stuck", r.stuck());
        if (r.failure() != null) {
            json.put("failure", r.failure());
        }
        json.put("person_acted", r.personActed());
        json.put("round_trips", r.roundTrips());
        if (r.serverName() != null) {
            json.put("server_name", r.serverName());
        }
        ArrayNode tools = json.putArray("tools");
        r.tools().forEach(tools::add);
        if (r.toolCalled() != null) {
            json.put("tool_called", r.toolCalled());
        }
        return json;
    }

    private static ObjectNode outcome(RestartOutcome o) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("type", "verdict");
        json.put("profile", o.profile());
        json.put("server", o.setup().label());
        json.put("store", o.setup().store().cliName());
        json.put("token_format", o.setup().tokenFormat().cliName());
        ArrayNode workarounds = json.putArray("workarounds");
        o.setup().workarounds().forEach(w -> workarounds.add(w.cliName()));
        json.put("verdict", o.verdict().label());
        json.put("reason", o.reason());
        json.put("round_trips", o.roundTrips());
        json.put("person_acted", o.personActed());
        ArrayNode steps = json.putArray("steps");
        o.steps().forEach(steps::add);
        return json;
    }
}
