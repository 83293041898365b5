package org.rareearth.simulation.forecast;

import java.util.List;
import java.util.Objects;

import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;

/**
 * One year of a forecast path (MODEL.md 6).
 *
 * @param policy        the policy state solved in that year (events in force and accumulated shifts applied)
 * @param equilibrium   the equilibrium of that year
 * @param welfare       welfare changes against the calibrated benchmark, indexed like the market's countries
 * @param eventsInForce labels of the scenario events applied in that year, in document order
 *                      (see {@link org.rareearth.simulation.policy.ScenarioPolicy#appliedEventLabels(int)})
 */
public record YearOutcome(int year, PolicyState policy, Equilibrium equilibrium, CountryWelfare[] welfare,
                          List<String> eventsInForce) {

    public YearOutcome {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(equilibrium, "equilibrium");
        welfare = Objects.requireNonNull(welfare, "welfare").clone();
        eventsInForce = List.copyOf(eventsInForce);
    }

    /** A copy of the welfare array (the record keeps its own). */
    @Override
    public CountryWelfare[] welfare() {
        return welfare.clone();
    }
}
