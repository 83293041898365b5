package org.rareearth.scenario;

import static io.restassured.RestAssured.given;

/** Reads a counter from the Prometheus endpoint, as a dashboard would. */
public final class TestMetrics {

    private TestMetrics() {
    }

    /** The value of {@code name{outcome=..,topic=..}}, 0 when not yet registered. */
    public static double counter(String name, String topic, String outcome) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("topic=\"" + topic + "\"")
                    && line.contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
