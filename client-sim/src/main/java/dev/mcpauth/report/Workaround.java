package dev.mcpauth.report;

import java.util.List;

/**
 * Something a user or operator can do today, and what it does to each client ({@code client: what
 * happens}).
 */
public record Workaround(String name, String what, List<Effect> effects) {

    /** The effect of a workaround on one client or family of clients. */
    public record Effect(String client, String effect) {}

    static Workaround of(String name, String what, String... clientEffectPairs) {
        List<Effect> effects = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < clientEffectPairs.length; i += 2) {
            effects.add(new Effect(clientEffectPairs[i], clientEffectPairs[i + 1]));
        }
        return new Workaround(name, what, List.copyOf(effects));
    }
}
