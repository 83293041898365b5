package org.rareearth.simulation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.rareearth.simulation.run.ScenarioComputation;

/** The framework-free computation, with the configured solver settings. */
@ApplicationScoped
public class ComputationProducer {

    // a final class cannot be proxied: one shared instance (it is stateless) without a client proxy
    @Produces
    @Singleton
    ScenarioComputation computation(SolverConfig solver) {
        return new ScenarioComputation(solver.settings());
    }
}
