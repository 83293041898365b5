package org.rareearth.simulation.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.model.QuotaCap;

/**
 * Export quotas (MODEL.md 3 and 12): complementarity between the rent rate {@code r >= 0} and the cap
 * {@code sum q <= capShare * benchmark foreign quantity}; the rent multiplies the export wedge by (1+r).
 */
class ExportQuotaTest {

    private static final int AUS = 0;
    private static final int CHN = 1;
    private static final int DEU = 2;
    private static final int USA = 3;

    private final EquilibriumSolver solver = new EquilibriumSolver(SolverSettings.DEFAULTS);

    @Test
    void aBindingQuotaHoldsWithEqualityAndEarnsARent() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.addQuota(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 0.8));

        Equilibrium eq = solver.solve(m, policy, null);

        double cap = 0.8 * (10 + 40 + 60);     // CHN's benchmark foreign quantity
        assertThat(foreignSales(eq, CHN)).isCloseTo(cap, within(1e-9 * cap));
        double r = eq.quotaRentRate()[CHN];
        assertThat(r).isGreaterThan(0.01);
        for (int j : new int[] {AUS, DEU, USA}) {
            assertThat(eq.quotaRentRateByFlow()[CHN][j]).isEqualTo(r);
        }
        assertThat(eq.quotaRentRateByFlow()[CHN][CHN]).isZero();   // domestic sales are not capped
        Markets.assertClears(m, policy, eq);

        // rent = r * sum_j (1+x) p q on the capped flows; reported, and inside export-tax revenue
        CountryWelfare[] w = WelfareAccount.of(m, policy, eq);
        double rent = 0;
        double exportTax = -0.15 * 40;   // minus the benchmark export-tax revenue on CHN->DEU
        for (int j : new int[] {AUS, DEU, USA}) {
            double x = policy.exportTax(CHN, j);
            rent += r * (1 + x) * eq.value(CHN, j);
            exportTax += x * eq.value(CHN, j);
        }
        assertThat(w[CHN].quotaRent()).isCloseTo(rent, within(1e-9)).isPositive();
        assertThat(w[CHN].exportTaxRevenue()).isCloseTo(exportTax + rent, within(1e-9));
        assertThat(w[CHN].net()).isCloseTo(w[CHN].producerSurplus() + w[CHN].consumerSurplus()
                + w[CHN].tariffRevenue() + w[CHN].exportTaxRevenue(), within(1e-9));
    }

    @Test
    void aBindingQuotaIsTheSameEquilibriumAsAnExportTaxAtTheRentRate() {
        // the rent is an export-tax equivalent: replacing the quota by export taxes (1+x)(1+r)-1 on
        // the same flows must give the same prices, quantities and export-tax revenue
        ArmingtonMarket m = Markets.four();
        PolicyState quota = m.benchmarkPolicy();
        quota.setTariff(CHN, USA, 0.3);
        quota.addQuota(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 0.7));
        Equilibrium withQuota = solver.solve(m, quota, null);
        double r = withQuota.quotaRentRate()[CHN];

        PolicyState tax = m.benchmarkPolicy();
        tax.setTariff(CHN, USA, 0.3);
        for (int j : new int[] {AUS, DEU, USA}) {
            tax.setExportTax(CHN, j, (1 + tax.exportTax(CHN, j)) * (1 + r) - 1);
        }
        Equilibrium withTax = solver.solve(m, tax, null);

        for (int i = 0; i < 4; i++) {
            assertThat(withQuota.worldPrices()[i]).isCloseTo(withTax.worldPrices()[i], within(1e-10));
            for (int j = 0; j < 4; j++) {
                assertThat(withQuota.quantities()[i][j]).isCloseTo(withTax.quantities()[i][j], within(1e-8));
            }
        }
        CountryWelfare[] wq = WelfareAccount.of(m, quota, withQuota);
        CountryWelfare[] wt = WelfareAccount.of(m, tax, withTax);
        for (int i = 0; i < 4; i++) {
            assertThat(wq[i].net()).isCloseTo(wt[i].net(), within(1e-7));
            assertThat(wq[i].exportTaxRevenue()).isCloseTo(wt[i].exportTaxRevenue(), within(1e-7));
            assertThat(wq[i].tariffRevenue()).isCloseTo(wt[i].tariffRevenue(), within(1e-7));
        }
        assertThat(wt[CHN].quotaRent()).isZero();
        assertThat(wq[CHN].quotaRent()).isPositive();
    }

    @Test
    void aQuotaThatDoesNotBindHasNoRentAndChangesNothing() {
        ArmingtonMarket m = Markets.four();
        PolicyState free = m.benchmarkPolicy();
        free.setTariff(CHN, USA, 0.5);       // CHN sells less abroad than in the benchmark anyway
        PolicyState quota = free.copy();
        quota.addQuota(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 1.0));
        quota.addQuota(new QuotaCap(CHN, DEU, 1.2));

        Equilibrium without = solver.solve(m, free, null);
        Equilibrium with = solver.solve(m, quota, null);

        assertThat(foreignSales(without, CHN)).isLessThan(110);
        assertThat(with.quotaRentRate()).containsOnly(0.0);
        for (double[] row : with.quotaRentRateByFlow()) {
            assertThat(row).containsOnly(0.0);
        }
        assertThat(with.worldPrices()).containsExactly(without.worldPrices());
        assertThat(WelfareAccount.of(m, quota, with)[CHN].quotaRent()).isZero();
        Markets.assertClears(m, quota, with);
    }

    @Test
    void aPerFlowQuotaCapsThatFlowOnly() {
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.addQuota(new QuotaCap(CHN, USA, 0.5));

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.quantities()[CHN][USA]).isCloseTo(0.5 * 60, within(1e-9 * 30));
        double r = eq.quotaRentRateByFlow()[CHN][USA];
        assertThat(r).isPositive();
        assertThat(eq.quotaRentRate()[CHN]).isEqualTo(r);
        assertThat(eq.quotaRentRateByFlow()[CHN][DEU]).isZero();
        // the capped volume is pushed to the other markets at a lower world price
        assertThat(eq.worldPrices()[CHN]).isLessThan(1.0);
        assertThat(eq.quantities()[CHN][DEU]).isGreaterThan(40);
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void overlappingQuotasSatisfyComplementarityEach() {
        // A tight cap on CHN->USA (the largest foreign flow) and a looser cap on all CHN exports:
        // both are exceeded at the unconstrained equilibrium, so both enter the active set; once the
        // flow cap binds, total foreign sales fall below the looser cap and its rent would be negative,
        // so it must leave the set again. Complementarity must hold for each.
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.addQuota(new QuotaCap(CHN, USA, 0.4));
        policy.addQuota(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 0.9));

        Equilibrium eq = solver.solve(m, policy, null);

        double flowCap = 0.4 * 60;
        double totalCap = 0.9 * 110;
        assertThat(eq.quantities()[CHN][USA]).isCloseTo(flowCap, within(1e-9 * flowCap));
        assertThat(foreignSales(eq, CHN)).isLessThan(totalCap);
        assertThat(eq.quotaRentRateByFlow()[CHN][DEU]).isZero();       // the all-foreign cap has no rent
        assertThat(eq.quotaRentRateByFlow()[CHN][USA]).isPositive();
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void twoBindingCapsOnOneExporterCompound() {
        // flow cap and total cap both binding: the flow to USA carries (1+r_total)(1+r_flow) - 1
        ArmingtonMarket m = Markets.four();
        PolicyState policy = m.benchmarkPolicy();
        policy.addQuota(new QuotaCap(CHN, USA, 0.7));
        policy.addQuota(new QuotaCap(CHN, QuotaCap.ALL_FOREIGN, 0.6));

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(foreignSales(eq, CHN)).isCloseTo(0.6 * 110, within(1e-9 * 66));
        assertThat(eq.quantities()[CHN][USA]).isLessThanOrEqualTo(0.7 * 60 * (1 + 1e-9));
        double rTotal = eq.quotaRentRateByFlow()[CHN][DEU];
        assertThat(rTotal).isPositive();
        assertThat(eq.quotaRentRateByFlow()[CHN][USA]).isGreaterThanOrEqualTo(rTotal);
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void capsImpliedByOthersAreDroppedSoTheRentsStayDetermined() {
        // BBB sells abroad only to AAA. A 60% cap on BBB->AAA and a 70% cap on all of BBB's foreign
        // sales cover the same single flow: the looser one is implied and has no rent of its own.
        // (Both active would make the two cap equations identical and the Jacobian singular.)
        double[][] v = {{10, 5, 3}, {2, 20, 0}, {6, 1, 10}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new org.rareearth.shared.trade.TradeMatrix(
                java.util.List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                org.rareearth.simulation.model.MarketElasticities.uniform(3, 4, -0.5, 2));
        PolicyState policy = PolicyState.free(3);
        policy.addQuota(new QuotaCap(1, 0, 0.6));
        policy.addQuota(new QuotaCap(1, QuotaCap.ALL_FOREIGN, 0.7));
        policy.addQuota(new QuotaCap(1, QuotaCap.ALL_FOREIGN, 0.9));    // the same cap twice: the tighter counts

        Equilibrium eq = solver.solve(m, policy, null);

        assertThat(eq.quantities()[1][0]).isCloseTo(0.6 * 2, within(1e-9));
        assertThat(eq.quotaRentRate()[1]).isPositive();
        Markets.assertClears(m, policy, eq);
    }

    @Test
    void aBindingCapOnAPerfectlyInelasticExporterWithoutHomeSalesHasNoEquilibrium() {
        // eps = 0 fixes BBB's sales at K = 2 + 4; it has no domestic shipments, so a binding cap on
        // all its foreign sales contradicts its supply equation: a clear error, not a wrong answer
        double[][] v = {{10, 5, 3}, {2, 0, 4}, {6, 1, 10}};
        ArmingtonMarket m = ArmingtonMarket.calibrate(new org.rareearth.shared.trade.TradeMatrix(
                java.util.List.of("AAA", "BBB", "CCC"), v), PolicyState.free(3),
                new org.rareearth.simulation.model.MarketElasticities(new double[] {4, 4, 4}, new double[] {-1, -1, -1},
                        new double[] {2, 0, 2}));
        PolicyState policy = PolicyState.free(3);
        policy.addQuota(new QuotaCap(1, QuotaCap.ALL_FOREIGN, 0.8));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> solver.solve(m, policy, null))
                .isInstanceOf(EquilibriumException.class)
                .hasMessageContaining("BBB")
                .hasMessageContaining("perfectly inelastic");
    }

    @Test
    void aZeroCapClosesTheFlowsLikeAnEmbargo() {
        ArmingtonMarket m = Markets.four();
        PolicyState quota = m.benchmarkPolicy();
        quota.addQuota(new QuotaCap(CHN, USA, 0.0));
        PolicyState embargo = m.benchmarkPolicy();
        embargo.setEmbargoed(CHN, USA, true);

        Equilibrium a = solver.solve(m, quota, null);
        Equilibrium b = solver.solve(m, embargo, null);

        assertThat(a.quantities()[CHN][USA]).isZero();
        assertThat(a.worldPrices()).containsExactly(b.worldPrices());
    }

    @Test
    void theJacobianWithQuotaRentsMatchesFiniteDifferences() {
        // rows and columns of the rent unknowns y = ln(1+r) and of the cap equations
        ArmingtonMarket m = Markets.random(8, 0.6, true, 99);
        PolicyState policy = m.benchmarkPolicy();
        policy.addQuota(new QuotaCap(1, QuotaCap.ALL_FOREIGN, 0.8));
        policy.addQuota(new QuotaCap(1, 2, 0.5));
        policy.addQuota(new QuotaCap(3, 4, 0.5));
        policy.setEmbargoed(5, 6, true);
        MarketSystem system = new MarketSystem(m, policy);
        boolean[] active = new boolean[system.quotas.length];
        java.util.Arrays.fill(active, true);
        system.activate(active);
        int u = system.unknowns;
        assertThat(u).isEqualTo(system.exporterUnknowns + 3);
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[u];
        for (int v = 0; v < u; v++) {
            x[v] = 0.5 * (random.nextDouble() - 0.3);
        }
        system.evaluate(x, new double[u]);
        double[][] jac = new double[u][u];
        system.jacobian(jac);

        double h = 1e-6;
        double[] fp = new double[u];
        double[] fm = new double[u];
        for (int c = 0; c < u; c++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[c] += h;
            minus[c] -= h;
            system.evaluate(plus, fp);
            system.evaluate(minus, fm);
            for (int r = 0; r < u; r++) {
                double fd = (fp[r] - fm[r]) / (2 * h);
                assertThat(jac[r][c]).as("dF[%d]/dx[%d]", r, c).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
            }
        }
    }

    private static double foreignSales(Equilibrium eq, int exporter) {
        double s = 0;
        for (int j = 0; j < eq.quantities().length; j++) {
            if (j != exporter) {
                s += eq.quantities()[exporter][j];
            }
        }
        return s;
    }
}
