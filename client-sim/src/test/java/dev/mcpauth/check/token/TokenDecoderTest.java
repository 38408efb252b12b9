package dev.mcpauth.check.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpauth.check.BadInputException;
import dev.mcpauth.token.Secrets;
import dev.mcpauth.token.TokenFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenDecoderTest {

    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static String jwt(String header, String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }

    @Nested
    class Input {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "abc123",
                    "Bearer abc123",
                    "bearer   abc123 ",
                    "Authorization: Bearer abc123",
                    "authorization:bearer abc123\n"
                })
        void findsTheTokenInWhatWasPasted(String pasted) {
            assertEquals("abc123", TokenInput.extract(pasted));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "Bearer", "Authorization: Bearer ", "a b"})
        void refusesNothingOrTwoThings(String pasted) {
            assertThrows(BadInputException.class, () -> TokenInput.extract(pasted));
        }
    }

    @Test
    void anInstanceTokenShowsItsStartTimeAndHidesItsSecret() {
        long id = Instant.parse("2026-12-03T10:00:00Z").toEpochMilli();
        String token = TokenFormat.INSTANCE.mint(id);

        TokenReport r = TokenDecoder.decode(token, NOW, false);

        assertEquals(TokenReport.INSTANCE, r.kind());
        assertEquals(String.valueOf(id), r.instance().instanceId());
        assertEquals("2026-12-03T10:00:00Z", r.instance().startedAt());
        assertEquals("2 h 0 min ago", r.instance().startedAgo());
        assertEquals(
                Secrets.fingerprint(token.substring(token.indexOf('.') + 1)),
                r.instance().secretFingerprint());
        assertNull(r.token());
    }

    @Test
    void aLabelledInstanceTokenHasNoStartTime() {
        TokenReport r = TokenDecoder.decode("instA.tok-0001", NOW, true);

        assertEquals("instA", r.instance().instanceId());
        assertNull(r.instance().startedAt());
        assertEquals("instA.tok-0001", r.token());
    }

    @Test
    void aJwtShowsClaimsTimesAndScopes() {
        String token =
                jwt(
                        "{\"alg\":\"RS256\"}",
                        "{\"aud\":[\"a\",\"b\"],\"scp\":[\"x\",\"y\"],\"exp\":"
                                + NOW.plusSeconds(300).getEpochSecond()
                                + "}");

        TokenReport.JwtPart jwt = TokenDecoder.decode(token, NOW, false).jwt();

        assertEquals(List.of("a", "b"), jwt.aud());
        assertEquals(List.of("x", "y"), jwt.scopes());
        assertEquals(false, jwt.expired());
        assertEquals("in 5 min", jwt.times().get(0).relative());
        assertEquals("not verified", jwt.signature());
    }

    @Test
    void opaqueHexCarriesFourBitsPerCharacter() {
        TokenReport r = TokenDecoder.decode("0123456789abcdef0123456789abcdef", NOW, false);

        assertEquals("hex", r.opaque().alphabet());
        assertEquals(128, r.opaque().estimatedEntropyBits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c.d", "a..b", "abc.", "a.b.c.d.e", "tok en", "bad\u00e9"})
    void malformedTokensAreBadInput(String token) {
        assertThrows(BadInputException.class, () -> TokenDecoder.decode(token, NOW, false));
    }

    @Test
    void aJwtWithoutAlgIsBadInput() {
        BadInputException e =
                assertThrows(
                        BadInputException.class,
                        () -> TokenDecoder.decode(jwt("{\"typ\":\"JWT\"}", "{}"), NOW, false));
        assertTrue(e.getMessage().contains("'alg'"));
    }

    @Test
    void anUnsecuredJwtEndsInADotAndIsMarkedUnsigned() {
        String signed = jwt("{\"alg\":\"none\"}", "{\"sub\":\"u1\"}");
        String unsecured = signed.substring(0, signed.lastIndexOf('.') + 1);

        TokenReport r = TokenDecoder.decode(unsecured, NOW, false);

        assertEquals(TokenReport.JWT, r.kind());
        assertEquals(TokenDecoder.UNSECURED_NOTE, r.jwt().signature());
        assertTrue(TokenDecoder.unsecured(r));
    }

    @Test
    void aSignedJwtWithItsSignatureCutOffIsBadInput() {
        String signed = jwt("{\"alg\":\"RS256\"}", "{}");
        String cut = signed.substring(0, signed.lastIndexOf('.') + 1);

        BadInputException e =
                assertThrows(BadInputException.class, () -> TokenDecoder.decode(cut, NOW, false));
        assertTrue(e.getMessage().contains("alg RS256"), e.getMessage());
    }
}
