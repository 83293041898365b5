package org.rareearth.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service reads, from its source tree: every key of its application.properties (profile
 * prefixes removed), every property of its {@code @ConfigMapping} interfaces (prefix plus the
 * kebab-case method name, or {@code @WithName}) and every {@code @ConfigProperty(name = ...)}; and
 * the HTTP port it serves ({@code quarkus.http.port}). An environment variable is one of its
 * properties when it is that property's name in upper case with every other character as
 * {@code _} (how SmallRye Config maps variables to properties).
 */
public record ServiceConfiguration(String service, int httpPort, Set<String> properties, Map<String, String> values,
                                   Map<String, Map<String, String>> profiles) {

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    /**
     * An abstract accessor of a mapping interface (no parameters, no body), optionally with
     * {@code @WithName} among its annotations; matched on the interface's own level only, so the
     * statements inside default methods are not mistaken for accessors.
     */
    private static final Pattern MAPPING_METHOD = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s+)*)[\\w.<>?\\[\\]]+(?:<[^;()]*>)?\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"");

    public static ServiceConfiguration read(Repository repository, String service) {
        Path module = repository.module(service);
        Path file = module.resolve("src/main/resources/application.properties");
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> properties = new TreeSet<>();
        Map<String, String> values = new TreeMap<>();
        Map<String, Map<String, String>> profiles = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            boolean profiled = key.startsWith("%");
            String name = profiled ? key.substring(key.indexOf('.') + 1) : key;
            properties.add(name);
            if (profiled) {
                profiles.computeIfAbsent(key.substring(1, key.indexOf('.')), p -> new TreeMap<>())
                        .put(name, raw.getProperty(key).strip());
            } else {
                values.put(key, raw.getProperty(key).strip());
            }
        }
        properties.addAll(sourceProperties(module.resolve("src/main/java")));
        String port = raw.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(file + " sets no quarkus.http.port");
        }
        Map<String, Map<String, String>> byProfile = new TreeMap<>();
        profiles.forEach((p, v) -> byProfile.put(p, Map.copyOf(v)));
        return new ServiceConfiguration(service, Integer.parseInt(port.strip()), Set.copyOf(properties), Map.copyOf(values),
                Map.copyOf(byProfile));
    }

    private static Set<String> sourceProperties(Path sources) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher property = CONFIG_PROPERTY.matcher(text);
                while (property.find()) {
                    found.add(property.group(1));
                }
                Matcher prefix = MAPPING_PREFIX.matcher(text);
                if (prefix.find()) {
                    Matcher method = MAPPING_METHOD.matcher(interfaceLevel(text.substring(text.indexOf('{', prefix.end()) + 1)));
                    while (method.find()) {
                        Matcher withName = WITH_NAME.matcher(method.group(1));
                        String name = withName.find() ? withName.group(1) : kebab(method.group(2));
                        found.add(prefix.group(1) + "." + name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sources, e);
        }
        return found;
    }

    /** The text of an interface body without the bodies of its default methods (and without comments). */
    static String interfaceLevel(String body) {
        String code = body.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        StringBuilder level = new StringBuilder();
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
                level.append(' ');
            } else if (depth == 0) {
                level.append(c);
            }
        }
        return level.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** SmallRye Config's environment name of a property. */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The value application.properties gives {@code key} (without a profile). */
    public Optional<String> property(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The topics of its incoming channels. */
    public Set<String> incomingTopics() {
        return channelValues("topic");
    }

    /** The consumer groups of its incoming channels. */
    public Set<String> consumerGroups() {
        return channelValues("group.id");
    }

    /** The dead-letter topics of its incoming channels (failure-strategy dead-letter-queue). */
    public Set<String> deadLetterTopics() {
        return channelValues("dead-letter-queue.topic");
    }

    /** The topics of its outgoing channels. */
    public Set<String> outgoingTopics() {
        return channelValues("mp.messaging.outgoing.", "topic");
    }

    /** The profiles its application.properties configures ({@code %name.} prefixes). */
    public Set<String> profileNames() {
        return profiles.keySet();
    }

    /** The value application.properties gives {@code key} in {@code profile} (its {@code %profile.key} line). */
    public Optional<String> property(String profile, String key) {
        return Optional.ofNullable(profiles.getOrDefault(profile, Map.of()).get(key));
    }

    private Set<String> channelValues(String attribute) {
        return channelValues("mp.messaging.incoming.", attribute);
    }

    /** {@code <prefix><channel>.<attribute>} values; the channel name has no dot. */
    private Set<String> channelValues(String prefix, String attribute) {
        Set<String> found = new TreeSet<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.endsWith("." + attribute)
                    && k.indexOf('.', prefix.length()) == k.length() - attribute.length() - 1) {
                found.add(v);
            }
        });
        return found;
    }

    public boolean reads(String environmentVariable) {
        return properties.stream().anyMatch(p -> environmentName(p).equals(environmentVariable));
    }
}
