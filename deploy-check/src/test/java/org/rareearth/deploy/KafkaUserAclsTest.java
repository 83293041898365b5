package org.rareearth.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each service's KafkaUser (prod) allows exactly what its channels do, derived from its
 * application.properties (KafkaUserRules.expected) and limited to TopicSetup's topics; an ACL more
 * or less is reported.
 */
class KafkaUserAclsTest {

    private final Repository repository = Repository.fromBuild();

    @Test
    void derivedFromTheChannelsTheAclsAreEachServicesOwnTopicsAndGroup() {
        Map<String, ServiceConfiguration> services = Overlays.services(repository);
        Set<String> ingest = strings(KafkaUserRules.expected(services.get("ingest-service")));
        assertThat(ingest).containsExactlyInAnyOrder("topic trade.baseline Write", "topic dataset.current Write");
        Set<String> simulation = strings(KafkaUserRules.expected(services.get("simulation-service")));
        assertThat(simulation).containsExactlyInAnyOrder(
                "topic trade.baseline Read", "topic scenario.requests Read", "topic dataset.current Read",
                "group simulation-service Read", "topic simulation.results Write",
                "topic trade.baseline.dlq Write", "topic scenario.requests.dlq Write", "topic dataset.current.dlq Write");
        // no service may read what it does not consume, or write another service's output
        assertThat(strings(KafkaUserRules.expected(services.get("network-service"))))
                .doesNotContain("topic scenario.requests Read", "topic simulation.results Write", "group scenario-service Read");
        Set<String> topics = TopicSpec.fromTopicSetup(1).stream().map(TopicSpec::name).collect(Collectors.toSet());
        services.values().forEach(s -> KafkaUserRules.expected(s).stream().filter(a -> a.resourceType().equals("topic"))
                .forEach(a -> assertThat(topics).as(s.service() + " " + a).contains(a.name())));
    }

    @Test
    void theProdUsersHaveExactlyThoseAcls() {
        Manifests prod = Overlays.read(repository, Environment.PROD);
        List<KafkaUser> users = prod.typed(ManifestKind.KAFKA_USER, KafkaUser.class);
        assertThat(users).extracting(u -> u.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SystemImages.SERVICES);
        assertThat(KafkaUserRules.problems(prod, Environment.PROD, Overlays.services(repository))).isEmpty();
    }

    @Test
    void anAclMoreOrLessIsReported() {
        RenderedDocuments documents = new RenderedDocuments(Overlays.rendered(repository, Environment.PROD));
        ArrayNode acls = (ArrayNode) documents.get("KafkaUser", "simulation-service").path("spec").path("authorization").path("acls");
        // one too many: another service's output
        ObjectNode extra = acls.addObject();
        extra.putObject("resource").put("type", "topic").put("name", "network.metrics").put("patternType", "literal");
        extra.putArray("operations").add("Read");
        // one too few: the last rule (a dead-letter topic)
        String removed = acls.get(acls.size() - 2).path("resource").path("name").asText();
        acls.remove(acls.size() - 2);
        // a prefix pattern: every topic starting with "trade"
        ((ObjectNode) acls.get(0).path("resource")).put("patternType", "prefix");
        Manifests manifests = new StrictManifests().read(documents.yaml());
        assertThat(KafkaUserRules.problems(manifests, Environment.PROD, Overlays.services(repository))).containsExactlyInAnyOrder(
                "KafkaUser simulation-service: allows topic network.metrics Read, which its channels do not use",
                "KafkaUser simulation-service: lacks topic " + removed + " Write (its channels need it)",
                "KafkaUser simulation-service: topic trade.baseline is a prefix pattern; name each one (literal)");
    }

    private static Set<String> strings(Set<KafkaUserRules.Acl> acls) {
        return acls.stream().map(KafkaUserRules.Acl::toString).collect(Collectors.toCollection(TreeSet::new));
    }
}
