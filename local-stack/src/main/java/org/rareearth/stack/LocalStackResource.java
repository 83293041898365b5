package org.rareearth.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rareearth.shared.auth.Roles;
import org.rareearth.stack.auth.LocalTokens;
import org.rareearth.stack.auth.SigningKeys;

/**
 * Points a {@code @QuarkusTest} at the real local stack: one Kafka and one PostgreSQL per test
 * JVM, started on first use and stopped when the JVM exits, so every test class of a service
 * shares them. Use with {@code @QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)}.
 *
 * <p>Kept across application restarts too: Quarkus starts the application again when the test
 * profile changes and loads the test resources in a new class loader, where "one stack per JVM"
 * would start a second, empty Kafka and PostgreSQL. The servers' addresses are therefore kept in
 * system properties of the test JVM, and a restarted application is pointed at the same servers.
 *
 * <p>Authentication is on in the tests as everywhere: the resource generates one signing key pair per
 * test JVM (kept the same way, so tokens of every class loader verify), configures the service with its
 * public key and the local issuer and audience, and makes a token holding all three roles (subject
 * {@value #TEST_SUBJECT}, team {@value #TEST_TEAM}) RestAssured's default {@code Authorization} header
 * ({@link org.rareearth.stack.auth.DefaultTokenFilter}), so REST tests that are not about access need no
 * token of their own. Access tests send their own
 * requests ({@link org.rareearth.stack.auth.AccessMatrix}) with {@link #tokens()}.
 */
public final class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "rareearth.test-stack.";
    private static final String KAFKA = "kafka.bootstrap.servers";
    /** Not under PREFIX: the private key stays in the test JVM and never reaches the service's config. */
    private static final String KEYS = "rareearth.test-auth.keys";
    public static final String TEST_SUBJECT = "test-user";
    public static final String TEST_TEAM = "test-team";

    private static LocalStack stack;

    /** The stack of this JVM, started on first call. */
    public static synchronized LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.start();
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-stop"));
        }
        return stack;
    }

    /** The broker of the stack the application runs against (the first class loader's), for plain clients. */
    public static String kafkaBootstrapServers() {
        String servers = System.getProperty(PREFIX + KAFKA);
        return servers != null ? servers : stack().kafkaBootstrapServers();
    }

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (System.getProperty(PREFIX + KAFKA) == null) {
                ServiceConfig.forStack(stack()).forEach((k, v) -> System.setProperty(PREFIX + k, v));
                LocalTokens.verification(publicKeyFile(tokens().keys())).forEach((k, v) -> System.setProperty(PREFIX + k, v));
            }
        }
        Map<String, String> config = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                .forEach(k -> config.put(k.substring(PREFIX.length()), System.getProperty(k)));
        return config;
    }

    /** The token issuer of this test JVM: its key pair is the one the services under test verify with. */
    public static LocalTokens tokens() {
        synchronized (System.class) {
            String keys = System.getProperty(KEYS);
            if (keys == null) {
                keys = SigningKeys.generate().encoded();
                System.setProperty(KEYS, keys);
            }
            return new LocalTokens(SigningKeys.decode(keys));
        }
    }

    /** A valid token with every role: the default of the REST tests. */
    public static String allRolesToken() {
        return tokens().token(TEST_SUBJECT, TEST_TEAM, Roles.ALL);
    }

    private static Path publicKeyFile(SigningKeys keys) {
        try {
            Path file = Files.createTempFile("rare-earth-test-public-key", ".pem");
            file.toFile().deleteOnExit();
            return keys.writePublicKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test public key", e);
        }
    }

    /**
     * Makes a token with every role RestAssured's default Authorization header (DefaultTokenFilter), in the
     * test's own class loader: Quarkus may load this resource in another one, where RestAssured would be a
     * different class.
     */
    @Override
    public void inject(Object testInstance) {
        ClassLoader loader = testInstance.getClass().getClassLoader();
        try {
            loader.loadClass("io.restassured.RestAssured");
        } catch (ClassNotFoundException e) {
            return; // a test without RestAssured: nothing to default
        }
        try {
            loader.loadClass("org.rareearth.stack.auth.DefaultTokenFilter").getMethod("install", String.class)
                    .invoke(null, allRolesToken());
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot set RestAssured's default Authorization header", cause);
        }
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: the shutdown hook stops it
    }
}
