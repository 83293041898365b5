package org.rareearth.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.rareearth.shared.auth.Roles;
import org.rareearth.stack.ServiceConfig;
import org.rareearth.stack.auth.LocalTokens;
import org.rareearth.stack.auth.SigningKeys;

/**
 * Authentication of a local run (README "Tokens"): a signing key pair generated at start (the public key
 * written as PEM under target/, the private key only in memory, so nothing of it is ever committed), the
 * services' verification settings for that key, and a token per role valid for a working day.
 */
public final class LocalAuth {

    /** The file name of the public key in the run's auth directory. */
    public static final String PUBLIC_KEY = "public-key.pem";
    /** The file of the printed tokens, {@code VIEWER_TOKEN=...} lines a shell can {@code source}. */
    public static final String TOKENS = "tokens.env";
    private static final String SUBJECT_PREFIX = "local-";
    private static final String TEAM = "local-team";

    private final LocalTokens tokens;
    private final Path publicKey;

    private LocalAuth(LocalTokens tokens, Path publicKey) {
        this.tokens = tokens;
        this.publicKey = publicKey;
    }

    /** New keys; the public key goes to {@code dir}/public-key.pem. */
    public static LocalAuth create(Path dir) {
        SigningKeys keys = SigningKeys.generate();
        return new LocalAuth(new LocalTokens(keys), keys.writePublicKey(dir.resolve(PUBLIC_KEY)));
    }

    public Path publicKey() {
        return publicKey;
    }

    /** The verification settings as the services' environment variables. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        LocalTokens.verification(publicKey).forEach((k, v) -> env.put(ServiceConfig.environmentName(k), v));
        return env;
    }

    /** A token with just {@code role}, for user {@code local-<role>} of team local-team, valid for a working day. */
    public String token(String role) {
        return tokens.token(SUBJECT_PREFIX + role, TEAM, java.util.List.of(role));
    }

    /** A token per role, as {@code VIEWER_TOKEN} etc. */
    public Map<String, String> tokensByVariable() {
        Map<String, String> byVariable = new LinkedHashMap<>();
        Roles.ALL.forEach(role -> byVariable.put(variable(role), token(role)));
        return byVariable;
    }

    /** Writes {@link #tokensByVariable()} to {@code file} ({@code NAME=token} lines) and returns the file. */
    public Path writeTokens(Path file) {
        StringBuilder text = new StringBuilder("# Bearer tokens of this local run (README \"Tokens\"); valid for a working day.\n"
                + "# Public key: " + publicKey + "\n");
        tokensByVariable().forEach((name, token) -> text.append(name).append('=').append(token).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tokens to " + file, e);
        }
    }

    /** The token of {@code role} from a running stack's tokens file (the latency driver attaching to it). */
    public static String readToken(Path file, String role) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokens of the running stack from " + file
                    + " (./rare-earth-stack writes it at start)", e);
        }
        String token = properties.getProperty(variable(role));
        if (token == null) {
            throw new IllegalStateException(file + " has no " + variable(role));
        }
        return token;
    }

    static String variable(String role) {
        return role.toUpperCase(Locale.ROOT) + "_TOKEN";
    }
}
