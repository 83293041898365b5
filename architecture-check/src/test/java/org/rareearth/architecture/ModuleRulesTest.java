package org.rareearth.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * How the modules may depend on each other, read from the real pom files: nothing depends on a Quarkus
 * application module (an engine is its own module instead), no dependency drops all of another's
 * dependencies with a wildcard exclusion, and the engine modules depend on no framework.
 */
class ModuleRulesTest {

    static final Path ROOT = Path.of("..");
    static final List<String> ENGINES = List.of("shared-model", "trade-data", "simulation-engine", "network-engine");

    static final Map<String, Document> poms = new LinkedHashMap<>();

    @BeforeAll
    static void readPoms() throws Exception {
        for (String module : texts(parse(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            poms.put(module, parse(ROOT.resolve(module).resolve("pom.xml")));
        }
    }

    @Test
    void theRootListsTheEngineModules() {
        assertThat(poms.keySet()).containsAll(ENGINES).contains("architecture-check");
    }

    @Test
    void noModuleDependsOnAQuarkusApplication() {
        List<String> applications = poms.entrySet().stream()
                .filter(e -> isQuarkusApplication(e.getValue())).map(Map.Entry::getKey).toList();
        assertThat(applications).contains("ingest-service", "scenario-service", "simulation-service", "network-service");
        List<String> offenders = new ArrayList<>();
        poms.forEach((module, pom) -> dependencies(pom).stream()
                .filter(d -> applications.contains(text(d, "artifactId")))
                .forEach(d -> offenders.add(module + " -> " + text(d, "artifactId"))));
        assertThat(offenders).as("modules depending on a Quarkus application module").isEmpty();
    }

    @Test
    void noWildcardExclusion() {
        List<String> offenders = new ArrayList<>();
        poms.forEach((module, pom) -> {
            NodeList exclusions = pom.getElementsByTagName("exclusion");
            for (int i = 0; i < exclusions.getLength(); i++) {
                Element exclusion = (Element) exclusions.item(i);
                if ("*".equals(text(exclusion, "groupId")) || "*".equals(text(exclusion, "artifactId"))) {
                    offenders.add(module);
                }
            }
        });
        assertThat(offenders).as("modules with a wildcard <exclusion>").isEmpty();
    }

    @Test
    void enginesDependOnNoFrameworkArtifact() {
        List<String> offenders = new ArrayList<>();
        for (String engine : ENGINES) {
            for (Element d : dependencies(poms.get(engine))) {
                String group = text(d, "groupId");
                if (group.startsWith("io.quarkus") || group.startsWith("org.apache.kafka")
                        || group.startsWith("org.hibernate") || group.startsWith("jakarta")
                        || group.startsWith("io.smallrye") || group.equals("org.rareearth")
                        && !ENGINES.contains(text(d, "artifactId"))) {
                    offenders.add(engine + " -> " + group + ":" + text(d, "artifactId"));
                }
            }
        }
        assertThat(offenders).as("engine modules depending on a framework or a non-engine module").isEmpty();
    }

    private static boolean isQuarkusApplication(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("quarkus-maven-plugin".equals(text(plugin, "artifactId"))
                    && !"pluginManagement".equals(plugin.getParentNode().getParentNode().getNodeName())) {
                return true;
            }
        }
        return false;
    }

    /** The direct {@code <dependencies>} of the project (not of dependencyManagement or a profile). */
    private static List<Element> dependencies(Document pom) {
        List<Element> result = new ArrayList<>();
        for (Element block : children(pom.getDocumentElement(), "dependencies")) {
            result.addAll(children(block, "dependency"));
        }
        for (Element profiles : children(pom.getDocumentElement(), "profiles")) {
            for (Element profile : children(profiles, "profile")) {
                for (Element block : children(profile, "dependencies")) {
                    result.addAll(children(block, "dependency"));
                }
            }
        }
        return result;
    }

    private static List<String> texts(Element parent, String block, String item) {
        List<String> result = new ArrayList<>();
        for (Element b : children(parent, block)) {
            for (Element e : children(b, item)) {
                result.add(e.getTextContent().trim());
            }
        }
        return result;
    }

    private static String text(Element parent, String child) {
        List<Element> found = children(parent, child);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    private static Document parse(Path pom) throws Exception {
        assertThat(pom).exists();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom));
    }
}
