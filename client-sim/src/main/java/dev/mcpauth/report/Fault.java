package dev.mcpauth.report;

/** Whose behaviour has to change for the failure to go away. */
public enum Fault {
    CLIENT,
    SERVER,
    PROXY,
    UNKNOWN
}
