package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.model.QuotaCap;

class LinearGsimSolverTest {

    private final LinearGsimSolver linear = new LinearGsimSolver();
    /** Tighter than the default so that the non-linear answer is exact far below the gaps measured. */
    private final EquilibriumSolver newton = new EquilibriumSolver(new SolverSettings(1e-13, 100, 1e-12));

    @Test
    void theBenchmarkPolicyGivesTheBenchmark() {
        ArmingtonMarket m = Markets.four();

        Equilibrium eq = linear.solve(m, m.benchmarkPolicy());

        EquilibriumSolverTest.assertAtBenchmark(m, eq);
    }

    @Test
    void linearAndNonLinearAgreeToFirstOrderForTariffShocks() {
        // MODEL.md 3: the gap between the two answers is second order in the shock, so for tariff
        // shocks h = 1e-2, 1e-3, 1e-4 the largest gap in phat = p - 1 shrinks ~100x per step.
        ArmingtonMarket m = Markets.four();
        DoubleFunction<PolicyState> shock = h -> {
            PolicyState p = m.benchmarkPolicy();
            p.setTariff(1, 3, p.tariff(1, 3) + h);     // USA on CHN (from 10%)
            p.setTariff(2, 0, p.tariff(2, 0) + h);     // AUS on DEU
            p.setTariff(3, 1, p.tariff(3, 1) + h);     // CHN on USA
            return p;
        };
        assertSecondOrderGap(m, shock);
    }

    @Test
    void linearAndNonLinearAgreeToFirstOrderForDemandAndCapacityShifts() {
        // the Ahat and Khat terms: qhat += Ahat[j], supply K (eps phat + Khat)
        ArmingtonMarket m = Markets.four();
        DoubleFunction<PolicyState> shock = h -> {
            PolicyState p = m.benchmarkPolicy();
            p.shiftDemand(3, 1 + h);
            p.shiftDemand(0, 1 + 2 * h);
            p.shiftCapacity(1, 1 + h);
            return p;
        };
        assertSecondOrderGap(m, shock);
    }

    @Test
    void onTheTwoCountryHandCaseTheLinearPriceIsTheTangent() {
        // Same case as EquilibriumSolverTest (sigma 2, eta -1, eps 1, theta 1/2, t = h both ways).
        // Linearised: phat (own) + tauhat terms. Per exporter: sum_j q0 qhat = K eps phat with
        // qhat_home = theta_f (eta+sigma) tauhat + eta phat... = 1/2 tauhat - phat (all p equal)
        // qhat_for  = 1/2 tauhat - 2 tauhat - phat = -3/2 tauhat - phat
        // => 1 (1/2 h - phat) + 1 (-3/2 h - phat) = 2 phat  =>  phat = -h/4,
        // the slope of p = sqrt(g^(eta+s)(a + (1-a)(1+t)^-s)) at t = 0.
        ArmingtonMarket m = Markets.symmetricPair();
        PolicyState policy = Markets.mutualTariff(0.1);

        Equilibrium eq = linear.solve(m, policy);

        assertThat(eq.worldPrices()[0]).isCloseTo(1 - 0.1 / 4, within(1e-14));
        assertThat(eq.worldPrices()[1]).isCloseTo(1 - 0.1 / 4, within(1e-14));
        assertThat(eq.quantities()[0][1]).isCloseTo(1 * (1 - 1.5 * 0.1 + 0.1 / 4), within(1e-14));
    }

    @Test
    void embargoesAndQuotasAreRejectedWithAClearMessage() {
        ArmingtonMarket m = Markets.four();
        PolicyState embargo = m.benchmarkPolicy();
        embargo.setEmbargoed(1, 3, true);
        PolicyState quota = m.benchmarkPolicy();
        quota.addQuota(new QuotaCap(1, QuotaCap.ALL_FOREIGN, 0.8));

        assertThatThrownBy(() -> linear.solve(m, embargo))
                .isInstanceOf(EquilibriumException.class).hasMessageContaining("embargo").hasMessageContaining("CHN->USA");
        assertThatThrownBy(() -> linear.solve(m, quota))
                .isInstanceOf(EquilibriumException.class).hasMessageContaining("quota").hasMessageContaining("CHN");
    }

    @Test
    void anEmbargoOnAPairWithoutTradeChangesNothing() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.setEmbargoed(0, 2, true);      // AUS -> DEU has no benchmark trade

        EquilibriumSolverTest.assertAtBenchmark(m, linear.solve(m, policy));
    }

    private void assertSecondOrderGap(ArmingtonMarket m, DoubleFunction<PolicyState> shock) {
        double[] shocks = {1e-2, 1e-3, 1e-4};
        double[] gaps = new double[3];
        for (int s = 0; s < 3; s++) {
            PolicyState policy = shock.apply(shocks[s]);
            Equilibrium exact = newton.solve(m, policy, null);
            Equilibrium approx = linear.solve(m, policy);
            Markets.assertClears(m, policy, exact);
            double gap = 0;
            double move = 0;
            for (int i = 0; i < m.size(); i++) {
                gap = Math.max(gap, Math.abs((exact.worldPrices()[i] - 1) - (approx.worldPrices()[i] - 1)));
                move = Math.max(move, Math.abs(exact.worldPrices()[i] - 1));
            }
            gaps[s] = gap;
            // the shock moves prices to first order, the gap is second order
            assertThat(move / shocks[s]).as("first-order response at h=%s", shocks[s]).isGreaterThan(0.01);
            assertThat(gap / (shocks[s] * shocks[s])).as("gap / h^2 at h=%s", shocks[s]).isLessThan(20).isGreaterThan(1e-4);
        }
        assertThat(gaps[0] / gaps[1]).as("gap ratio 1e-2 / 1e-3").isBetween(50.0, 200.0);
        assertThat(gaps[1] / gaps[2]).as("gap ratio 1e-3 / 1e-4").isBetween(50.0, 200.0);
    }
}
