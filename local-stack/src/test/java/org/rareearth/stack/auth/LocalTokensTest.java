package org.rareearth.stack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens the services verify: RS256 over the written public key, with the claims they check. */
class LocalTokensTest {

    private final SigningKeys keys = SigningKeys.generate();
    private final LocalTokens tokens = new LocalTokens(keys);

    @Test
    void aTokenIsSignedByThePublishedKeyAndCarriesIssuerAudienceRolesTeamAndExpiry(@TempDir Path dir) throws Exception {
        String token = tokens.token("ana", "team-a", List.of("analyst", "viewer"));
        PublicKey published = readPem(keys.writePublicKey(dir.resolve("key.pem")));
        assertThat(verifies(token, published)).isTrue();
        JsonNode claims = claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(LocalTokens.ISSUER);
        assertThat(claims.path("aud").asText()).isEqualTo(LocalTokens.AUDIENCE);
        assertThat(claims.path("sub").asText()).isEqualTo("ana");
        assertThat(claims.path("team").asText()).isEqualTo("team-a");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"analyst\",\"viewer\"]");
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().plus(LocalTokens.WORKING_DAY).minusSeconds(60).getEpochSecond());
    }

    @Test
    void theBadTokensAreBadInExactlyOneWay(@TempDir Path dir) throws Exception {
        PublicKey published = readPem(keys.writePublicKey(dir.resolve("key.pem")));
        assertThat(verifies(tokens.signedByAnotherKey("x", "t", List.of("viewer")), published)).isFalse();
        String expired = tokens.expired("x", "t", List.of("viewer"));
        assertThat(verifies(expired, published)).isTrue();
        assertThat(claims(expired).path("exp").asLong()).isLessThan(Instant.now().getEpochSecond());
        assertThat(claims(tokens.ofIssuer("other", "x", "t", List.of("viewer"))).path("iss").asText()).isEqualTo("other");
        assertThat(claims(tokens.ofAudience("other", "x", "t", List.of("viewer"))).path("aud").asText()).isEqualTo("other");
    }

    @Test
    void theEncodedPairSignsTokensTheSamePublicKeyVerifies(@TempDir Path dir) throws Exception {
        LocalTokens again = new LocalTokens(SigningKeys.decode(keys.encoded()));
        PublicKey published = readPem(keys.writePublicKey(dir.resolve("key.pem")));
        assertThat(verifies(again.token("x", "t", List.of("viewer")), published)).isTrue();
    }

    private static PublicKey readPem(Path file) throws Exception {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static boolean verifies(String token, PublicKey key) throws Exception {
        int last = token.lastIndexOf('.');
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update(token.substring(0, last).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(token.substring(last + 1)));
    }

    private static JsonNode claims(String token) throws Exception {
        String payload = token.split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }
}
