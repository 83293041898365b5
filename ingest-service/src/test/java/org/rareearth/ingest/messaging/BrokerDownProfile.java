package org.rareearth.ingest.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The outgoing channel points at a port where no broker listens (the database is the real one):
 * what an ingest does when Kafka does not acknowledge.
 */
public class BrokerDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.trade-baseline.bootstrap.servers", "localhost:1",
                "mp.messaging.outgoing.trade-baseline.max.block.ms", "1000",
                "rareearth.ingest.publish-timeout", "3s",
                // leave other tests' data alone
                "rareearth.ingest.resend-on-start", "false");
    }
}
