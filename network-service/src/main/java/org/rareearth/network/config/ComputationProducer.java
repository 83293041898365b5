package org.rareearth.network.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.rareearth.network.run.MetricsComputation;

/** Makes the framework-free computation a bean, configured from application.properties. */
@ApplicationScoped
public class ComputationProducer {

    @Produces
    @ApplicationScoped
    MetricsComputation computation(NetworkConfig config) {
        return new MetricsComputation(config.threshold());
    }
}
