package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rareearth.stack.auth.LocalTokens;

/**
 * {@code deploy/make-dev-keys} writes a key pair and a token per role that the services accept: each token
 * verifies (RS256) against the public key written next to it and carries the issuer, audience, role, team
 * and expiry the services check; and compose's demo job sends the analyst's.
 */
class DevKeysTest {

    private static final List<String> ROLES = List.of("viewer", "analyst", "operator");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Repository repository = Repository.fromBuild();

    @TempDir
    Path temp;

    @Test
    void everyTokenVerifiesWithTheWrittenPublicKeyAndCarriesTheClaimsTheServicesRequire() throws Exception {
        Path dir = temp.resolve("keys");
        Instant before = Instant.now().minusSeconds(1);
        Command run = makeDevKeys(dir);
        assertThat(run.succeeded()).as(run.describe()).isTrue();

        PublicKey publicKey = publicKey(dir.resolve("public-key.pem"));
        Map<String, String> tokens = tokens(dir.resolve("tokens.env"));
        assertThat(tokens).containsOnlyKeys("VIEWER_TOKEN", "ANALYST_TOKEN", "OPERATOR_TOKEN");
        for (String role : ROLES) {
            String token = tokens.get(role.toUpperCase() + "_TOKEN");
            assertThat(verifies(token, publicKey)).as("%s token's RS256 signature", role).isTrue();
            JsonNode header = part(token, 0);
            assertThat(header.path("alg").asText()).isEqualTo("RS256");
            JsonNode claims = part(token, 1);
            assertThat(claims.path("iss").asText()).isEqualTo(LocalTokens.ISSUER);
            assertThat(claims.path("aud").asText()).isEqualTo(LocalTokens.AUDIENCE);
            assertThat(claims.path("sub").asText()).isEqualTo("local-" + role);
            assertThat(claims.path("groups")).hasSize(1);
            assertThat(claims.path("groups").get(0).asText()).isEqualTo(role);
            assertThat(claims.path("team").asText()).isEqualTo("local-team");
            Instant issued = Instant.ofEpochSecond(claims.path("iat").asLong());
            Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
            assertThat(issued).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).isBeforeOrEqualTo(Instant.now());
            assertThat(Duration.between(issued, expires)).isEqualTo(LocalTokens.WORKING_DAY);
        }
    }

    @Test
    void theServicesIssuerAndAudienceAreTheTokens() throws IOException {
        for (String service : List.of("ingest-service", "scenario-service", "simulation-service", "network-service")) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(repository.resolve(service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            }
            assertThat(properties.getProperty("mp.jwt.verify.issuer")).as(service).isEqualTo(LocalTokens.ISSUER);
            assertThat(properties.getProperty("mp.jwt.verify.audiences")).as(service).isEqualTo(LocalTokens.AUDIENCE);
            assertThat(properties.getProperty("mp.jwt.verify.publickey.location")).as(service)
                    .isEqualTo("/etc/rare-earth/jwt/public-key.pem");
        }
    }

    @Test
    void anExistingKeyPairIsKeptAndItsTokensAreWrittenAgain() throws Exception {
        Path dir = temp.resolve("keys");
        assertThat(makeDevKeys(dir).succeeded()).isTrue();
        String firstKey = Files.readString(dir.resolve("public-key.pem"));
        String firstTokens = Files.readString(dir.resolve("tokens.env"));

        Command again = makeDevKeys(dir);

        assertThat(again.succeeded()).as(again.describe()).isTrue();
        assertThat(Files.readString(dir.resolve("public-key.pem"))).isEqualTo(firstKey);
        assertThat(Files.readString(dir.resolve("tokens.env"))).isNotEqualTo(firstTokens);
        PublicKey publicKey = publicKey(dir.resolve("public-key.pem"));
        assertThat(tokens(dir.resolve("tokens.env")).values()).allSatisfy(token -> assertThat(verifies(token, publicKey)).isTrue());
    }

    @Test
    void composesDemoJobSendsTheAnalystTokenOfTheDevKeys() throws IOException {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(repository.composeFile().toFile())
                .path("services").path("demo-scenarios");
        assertThat(job.path("volumes").toString()).contains("./deploy/dev-keys/tokens.env:");
        String script = job.path("command").get(0).asText();
        assertThat(script).contains("ANALYST_TOKEN").contains("Authorization: Bearer $$ANALYST_TOKEN");
        // every curl call of the job carries the header
        script.lines().filter(line -> line.contains("curl ")).forEach(line -> assertThat(line).contains("-H \"$$auth\""));
    }

    private Command makeDevKeys(Path dir) {
        return Command.run(repository.root(), List.of(repository.resolve("deploy/make-dev-keys").toString(), "--dir", dir.toString()));
    }

    private static Map<String, String> tokens(Path file) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int equals = line.indexOf('=');
                tokens.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return tokens;
    }

    private static PublicKey publicKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean verifies(String token, PublicKey key) {
        int lastDot = token.lastIndexOf('.');
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode part(String token, int index) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }
}
