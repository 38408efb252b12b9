package dev.mcpauth.report;

import java.util.List;

/**
 * One diagnosis: the known problem, the verdict, the evidence lines, whose fault it is, which
 * clients it affects and whether the client in the log already has a fix.
 *
 * @param fixStatus {@code affected} (the logged client predates the fix: upgrade), {@code
 *     regression} (the logged client has the fix and still fails), {@code no-fix} (no client fixed
 *     it) or {@code unknown-version}
 */
public record Diagnosis(
        String id,
        String title,
        String verdict,
        Fault fault,
        List<String> affectedClients,
        String fixedIn,
        String references,
        String fixStatus,
        String rootCause,
        String expected,
        String reproduce,
        Upstream upstream,
        List<Evidence> evidence,
        List<Workaround> workarounds) {}
