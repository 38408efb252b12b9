package dev.mcpauth.client.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The discovery orders and checks of section 4 of the client research notes. */
class ProfilesTest {

    static final URI MCP = URI.create("https://h/p");
    static final URI HEADER = URI.create("https://h/custom/prm.json");

    static List<String> strings(List<URI> uris) {
        return uris.stream().map(URI::toString).toList();
    }

    @Nested
    class ResourceMetadata {

        @Test
        void vscode105UsesOnlyTheChallengeUrlWhenThereIsOne() {
            assertEquals(List.of(HEADER), Profiles.VSCODE_1_105.resourceMetadataUrls(MCP, HEADER));
        }

        @Test
        void newestVscodeFallsBackFromTheChallengeUrlToPathThenRoot() {
            assertEquals(
                    List.of(
                            HEADER.toString(),
                            "https://h/.well-known/oauth-protected-resource/p",
                            "https://h/.well-known/oauth-protected-resource"),
                    strings(Profiles.VSCODE.resourceMetadataUrls(MCP, HEADER)));
        }

        @Test
        void withoutAChallengeEveryProfileTriesPathInsertedThenRoot() {
            for (ClientProfile profile : Profiles.all()) {
                assertEquals(
                        List.of(
                                "https://h/.well-known/oauth-protected-resource/p",
                                "https://h/.well-known/oauth-protected-resource"),
                        strings(profile.resourceMetadataUrls(MCP, null)),
                        profile.name());
            }
        }

        @Test
        void aRootEndpointHasOnlyTheRootDocument() {
            assertEquals(
                    List.of("https://h/.well-known/oauth-protected-resource"),
                    strings(Profiles.SPEC.resourceMetadataUrls(URI.create("https://h/"), null)));
        }

        @Test
        void newestVscodeChecksTheRootDocumentAgainstTheOrigin() {
            URI root = URI.create("https://h/.well-known/oauth-protected-resource");
            assertTrue(
                    ResourceCheck.EXACT_ROOT_AGAINST_ORIGIN
                            .problem(MCP, root, "https://h")
                            .isEmpty());
            assertFalse(ResourceCheck.EXACT.problem(MCP, root, "https://h").isEmpty());
        }

        @Test
        void tsSdkAcceptsAResourceThatIsAPathPrefixOnTheSameOrigin() {
            assertTrue(ResourceCheck.SAME_ORIGIN_PREFIX.problem(MCP, null, "https://h/").isEmpty());
            assertFalse(
                    ResourceCheck.SAME_ORIGIN_PREFIX.problem(MCP, null, "https://x/p").isEmpty());
        }
    }

    @Nested
    class AuthorizationServer {

        @Test
        void vscodeFetchesTheOidcUrlTwiceForARootServer() {
            assertEquals(
                    List.of(
                            "https://a/.well-known/oauth-authorization-server",
                            "https://a/.well-known/openid-configuration",
                            "https://a/.well-known/openid-configuration"),
                    strings(
                            Profiles.VSCODE.authorizationServerMetadataUrls(
                                    URI.create("https://a"), true)));
        }

        @Test
        void sdksTryTwoUrlsForARootServerAndThreeForAPath() {
            assertEquals(
                    2,
                    Profiles.TS_SDK
                            .authorizationServerMetadataUrls(URI.create("https://a"), true)
                            .size());
            assertEquals(
                    List.of(
                            "https://a/.well-known/oauth-authorization-server/q",
                            "https://a/.well-known/openid-configuration/q",
                            "https://a/q/.well-known/openid-configuration"),
                    strings(
                            Profiles.SPEC.authorizationServerMetadataUrls(
                                    URI.create("https://a/q"), true)));
        }

        @Test
        void pythonWithoutAnAuthorizationServerInTheMetadataTriesOnlyTheRfc8414Root() {
            assertEquals(
                    List.of("https://h/.well-known/oauth-authorization-server"),
                    strings(
                            Profiles.PYTHON_SDK.authorizationServerMetadataUrls(
                                    URI.create("https://h"), false)));
        }
    }

    @Nested
    class Checks {

        @Test
        void onlyTheStrictProfilesRejectARotatedIssuer() {
            String as = "http://localhost:3000";
            String rotated = as + "/instance-1";
            assertTrue(Profiles.VSCODE.issuerCheck().problem(as, rotated).isEmpty());
            assertTrue(Profiles.TS_SDK.issuerCheck().problem(as, rotated).isEmpty());
            assertFalse(Profiles.TS_SDK_2.issuerCheck().problem(as, rotated).isEmpty());
            assertFalse(Profiles.SPEC.issuerCheck().problem(as, rotated).isEmpty());
        }

        @Test
        void tsSdk2ToleratesATrailingSlashButSpecDoesNot() {
            assertTrue(
                    Profiles.TS_SDK_2.issuerCheck().problem("https://a", "https://a/").isEmpty());
            assertFalse(Profiles.SPEC.issuerCheck().problem("https://a", "https://a/").isEmpty());
        }

        @Test
        void specRequiresS256ToBeAdvertised() {
            assertFalse(Profiles.SPEC.pkceCheck().problem(null).isEmpty());
            assertTrue(Profiles.TS_SDK.pkceCheck().problem(null).isEmpty());
            assertFalse(Profiles.TS_SDK.pkceCheck().problem(List.of("plain")).isEmpty());
            assertTrue(Profiles.VSCODE.pkceCheck().problem(List.of("plain")).isEmpty());
        }

        @Test
        void vscodeKeysItsCacheOnTheAuthorizationServerUrlAndResource() {
            assertEquals(
                    "http://localhost:3000 http://localhost:3000/mcp",
                    Profiles.VSCODE
                            .cacheKey()
                            .key(MCP, "http://localhost:3000", "http://localhost:3000/mcp"));
        }

        @Test
        void profileNamesAreUnique() {
            assertEquals(Profiles.names().size(), Profiles.names().stream().distinct().count());
        }
    }
}
