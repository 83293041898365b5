package org.rareearth.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.rareearth.tradedata.DemoZip;
import org.rareearth.stack.LocalStackResource;

/** Without broker acknowledgements the upload says so (503) and keeps the data set stored for a re-send. */
@QuarkusTest
@TestProfile(BrokerDownProfile.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class BrokerDownTest {

    @Test
    void anUnacknowledgedPublishIsReportedAndTheDataSetStaysStored() {
        byte[] zip = DemoZip.demo().withNotice("BrokerDownTest").zip();
        String version = given().contentType("application/zip").body(zip).post("/datasets").then()
                .statusCode(503)
                .body("error", containsString("is stored, but the broker acknowledged only 0 of 35 baselines"))
                .body("error", containsString("re-send"))
                .body("pending", equalTo(35))
                .body("acknowledged", equalTo(0))
                .extract().path("version");
        given().get("/datasets/" + version).then().statusCode(200)
                .body("baselines", equalTo(35))
                .body("publishedBaselines", equalTo(0));
        // the same content again: nothing new stored, the re-send is tried and reported again
        given().contentType("application/zip").body(zip).post("/datasets").then().statusCode(503)
                .body("version", equalTo(version));
        given().get("/datasets").then().body("findAll { it.version == '" + version + "' }.size()", equalTo(1));
    }
}
