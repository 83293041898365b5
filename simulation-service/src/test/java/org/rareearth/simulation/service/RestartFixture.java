package org.rareearth.simulation.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What the two halves of the restart test share. The application (and the classes it loads) is
 * started afresh between them, so the shared token lives in a system property of the test JVM.
 */
final class RestartFixture {

    static final int REQUESTS = 6;
    static final int FIRST_YEAR = 2023;
    static final int LAST_YEAR = 2040;
    static final String DOCUMENT = """
            {"name": "restart", "baseYear": 2023, "horizon": 2040, "products": ["850511"],
             "events": [{"type": "TARIFF", "year": 2025, "importers": ["USA"], "exporters": ["CHN"],
                         "rate": 0.25, "mode": "add"},
                        {"type": "DEMAND_SHIFT", "countries": "USA", "annualGrowth": 0.03}]}""";
    private static final String TOKEN = "rareearth.simulation.restart-test.token";

    private RestartFixture() {
    }

    /*
     * Quarkus runs test classes without a profile first, then groups them by profile (by the profile
     * class name) and starts the application again whenever the profile changes. Each half has its
     * own profile, so the service stops right after the first half: P1 sorts before P2.
     */

    /** Profile of the first half (changes nothing that matters). */
    public static class P1BeforeRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rareearth.simulation.restart-test.half", "1");
        }
    }

    /** Profile of the second half: a different profile, so a new start of the application. */
    public static class P2AfterRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rareearth.simulation.restart-test.half", "2");
        }
    }

    static String token() {
        String token = System.getProperty(TOKEN);
        if (token == null) {
            token = UUID.randomUUID().toString().substring(0, 8);
            System.setProperty(TOKEN, token);
        }
        return token;
    }

    static String datasetVersion() {
        return "restart-ds-" + token();
    }

    static List<String> scenarioIds() {
        return IntStream.range(0, REQUESTS).mapToObj(n -> "restart-" + token() + "-" + n).toList();
    }

    static int years() {
        return LAST_YEAR - FIRST_YEAR + 1;
    }
}
