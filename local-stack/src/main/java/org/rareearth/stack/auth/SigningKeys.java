package org.rareearth.stack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for signing the local run's and the tests' tokens. Generated at start and never
 * written into the repository: only the public key goes to a file (PEM), which the services read as
 * {@code mp.jwt.verify.publickey.location}.
 */
public final class SigningKeys {

    /** 2048 bits: what RS256 requires at least (RFC 7518, 3.3). */
    private static final int KEY_BITS = 2048;
    private static final String RSA = "RSA";

    private final KeyPair pair;

    private SigningKeys(KeyPair pair) {
        this.pair = pair;
    }

    public static SigningKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(RSA);
            generator.initialize(KEY_BITS);
            return new SigningKeys(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** The pair from {@link #encoded()}: the tests keep one pair per JVM across Quarkus class loaders. */
    public static SigningKeys decode(String encoded) {
        String[] parts = encoded.split(":", 2);
        try {
            KeyFactory factory = KeyFactory.getInstance(RSA);
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[0])));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[1])));
            return new SigningKeys(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not an encoded key pair", e);
        }
    }

    /** Both keys, Base64 public:private; for a system property of the test JVM only, never a file. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + ":"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    PrivateKey privateKey() {
        return pair.getPrivate();
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}), the form smallrye-jwt reads. */
    public String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** Writes the public key as PEM to {@code file} (directories created) and returns the file. */
    public Path writePublicKey(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the public key to " + file, e);
        }
    }
}
