package org.rareearth.stack.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rareearth.shared.auth.Roles;

/**
 * Issues the local run's and the tests' bearer tokens: RS256 JWTs with the claims the services verify
 * (issuer, audience, expiry, signature) and read (the roles in {@code groups}, the team). Also makes the
 * bad ones the access tests send: expired, signed by another key, of another issuer or audience.
 *
 * <p>A real deployment gets its tokens from its identity provider instead (README "Tokens").
 */
public final class LocalTokens {

    /** The issuer ({@code iss}) the services accept by default. */
    public static final String ISSUER = "rare-earth-local";
    /** The audience ({@code aud}) the services accept by default. */
    public static final String AUDIENCE = "rare-earth";
    /** What a token is valid for: a working day, so a newcomer's curl commands keep working. */
    public static final Duration WORKING_DAY = Duration.ofHours(10);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final Clock clock;

    public LocalTokens(SigningKeys keys) {
        this(keys, Clock.systemUTC());
    }

    LocalTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public SigningKeys keys() {
        return keys;
    }

    /** The services' verification settings (Quarkus property names) for this key pair's public key in {@code publicKeyFile}. */
    public static Map<String, String> verification(Path publicKeyFile) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", publicKeyFile.toAbsolutePath().toString());
        config.put("mp.jwt.verify.issuer", ISSUER);
        config.put("mp.jwt.verify.audiences", AUDIENCE);
        return config;
    }

    /** A valid token for a working day. */
    public String token(String subject, String team, List<String> roles) {
        return token(subject, team, roles, WORKING_DAY);
    }

    public String token(String subject, String team, List<String> roles, Duration validity) {
        Instant now = clock.instant();
        return sign(keys, claims(subject, team, roles, ISSUER, AUDIENCE, now, now.plus(validity)));
    }

    /** Expired an hour ago, well beyond the verifier's clock skew. */
    public String expired(String subject, String team, List<String> roles) {
        Instant now = clock.instant();
        return sign(keys, claims(subject, team, roles, ISSUER, AUDIENCE, now.minus(WORKING_DAY), now.minus(Duration.ofHours(1))));
    }

    /** Well-formed and current, but signed by a key the services do not know. */
    public String signedByAnotherKey(String subject, String team, List<String> roles) {
        Instant now = clock.instant();
        return sign(SigningKeys.generate(), claims(subject, team, roles, ISSUER, AUDIENCE, now, now.plus(WORKING_DAY)));
    }

    public String ofIssuer(String issuer, String subject, String team, List<String> roles) {
        Instant now = clock.instant();
        return sign(keys, claims(subject, team, roles, issuer, AUDIENCE, now, now.plus(WORKING_DAY)));
    }

    public String ofAudience(String audience, String subject, String team, List<String> roles) {
        Instant now = clock.instant();
        return sign(keys, claims(subject, team, roles, ISSUER, audience, now, now.plus(WORKING_DAY)));
    }

    private static String claims(String subject, String team, List<String> roles, String issuer, String audience,
                                 Instant issuedAt, Instant expiresAt) {
        String groups = roles.stream().map(LocalTokens::quote).collect(Collectors.joining(",", "[", "]"));
        return "{\"iss\":" + quote(issuer) + ",\"aud\":" + quote(audience) + ",\"sub\":" + quote(subject)
                + ",\"upn\":" + quote(subject) + ",\"groups\":" + groups + ",\"" + Roles.TEAM_CLAIM + "\":" + quote(team)
                + ",\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString()) + "}";
    }

    private static String sign(SigningKeys with, String claims) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String content = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(with.privateKey());
            signature.update(content.getBytes(StandardCharsets.US_ASCII));
            return content + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** A JSON string: the claims are names and roles, but quote them properly anyway. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
