package dev.mcpauth.check.discovery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Everything one {@code discover} run saw and concluded. Saved as JSON it is also the snapshot that
 * {@code --compare} reads back. The metadata documents are kept as served, unknown members
 * included.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DiscoveryReport(
        String url,
        String checkedAt,
        String challenge,
        String resourceMetadataUrl,
        JsonNode resourceMetadata,
        String authorizationServer,
        String authorizationServerMetadataUrl,
        JsonNode authorizationServerMetadata,
        List<Probe> probes,
        List<Finding> findings,
        List<ClientVerdict> clients,
        List<Change> changes) {

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    @JsonIgnore
    public boolean clean() {
        return count(Severity.ERROR) == 0;
    }

    public DiscoveryReport withChanges(List<Change> value) {
        return new DiscoveryReport(
                url,
                checkedAt,
                challenge,
                resourceMetadataUrl,
                resourceMetadata,
                authorizationServer,
                authorizationServerMetadataUrl,
                authorizationServerMetadata,
                probes,
                findings,
                clients,
                value);
    }
}
