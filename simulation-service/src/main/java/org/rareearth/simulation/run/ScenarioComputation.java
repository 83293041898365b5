package org.rareearth.simulation.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rareearth.shared.events.ComputationStatus;
import org.rareearth.shared.events.ScenarioRequestEvent;
import org.rareearth.shared.events.SimulationResultEvent;
import org.rareearth.shared.events.SimulationResultEvent.FlowValue;
import org.rareearth.shared.events.SimulationResultEvent.Solution;
import org.rareearth.shared.events.SimulationResultEvent.Welfare;
import org.rareearth.shared.events.TradeBaselineEvent;
import org.rareearth.shared.scenario.PolicyEvent;
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioReader;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.forecast.ForecastPath;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.model.ArmingtonMarket;
import org.rareearth.simulation.model.CountryWelfare;
import org.rareearth.simulation.model.Equilibrium;
import org.rareearth.simulation.model.MarketElasticities;
import org.rareearth.simulation.model.PolicyState;
import org.rareearth.simulation.policy.ElasticityChoice;
import org.rareearth.simulation.policy.ScenarioPolicy;
import org.rareearth.simulation.solver.EquilibriumSolver;
import org.rareearth.simulation.solver.SolverSettings;

/**
 * Turns one scenario request and the base-year baseline of one product into the result events of
 * that product: one {@link SimulationResultEvent} per year of the path {@code baseYear..horizon}
 * (MODEL.md 6), each with the scenario's solution and the baseline's (the scenario without its
 * policy events, demand and capacity shifts kept: docs/model-choices.md), or one FAILED event
 * (year = base year) saying why nothing could be solved. Framework-free, so the services' tests and
 * the command line can check it against the engines directly.
 *
 * <p>The wiring is the command line's ({@code SimulationRun}, {@code SimulationReport}) for a single
 * product: elasticities by {@link ElasticityChoice#forProduct}, calibration on the base year's
 * flows and tariffs, the events through {@link ScenarioPolicy}, the path by the damped Newton
 * solver. Numbers that are not finite are written as {@code null} (JSON has no NaN).
 */
public final class ScenarioComputation {

    /** The solver label in the results, as the command line writes it. */
    public static final String SOLVER = "nonlinear";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SolverSettings settings;

    public ScenarioComputation(SolverSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ScenarioComputation() {
        this(SolverSettings.DEFAULTS);
    }

    /**
     * Reads a scenario document against a data-set version.
     *
     * @throws ScenarioException naming every invalid field
     */
    public static Scenario readScenario(String document, DatasetCatalogue dataset) {
        return ScenarioReader.read(document, dataset.scenarioContext());
    }

    /** The products a scenario is solved for: its own list, or every product of the data set. */
    public static List<String> productsOf(Scenario scenario, DatasetCatalogue dataset) {
        return scenario.products().isEmpty() ? dataset.products() : scenario.products();
    }

    /** The last year of a scenario's path: its horizon, or the base year alone. */
    public static int lastYear(Scenario scenario) {
        return scenario.horizon() == null ? scenario.baseYear() : scenario.horizon();
    }

    /**
     * The reference a scenario is compared with (MODEL.md 6): the same path without its policy
     * events. Demand and capacity shifts are market developments, not policy, so they stay (the
     * command line's {@code MarketOptions.baselineOf}).
     */
    public static Scenario baselineOf(Scenario scenario) {
        List<PolicyEvent> developments = scenario.events().stream()
                .filter(e -> e instanceof PolicyEvent.DemandShift || e instanceof PolicyEvent.CapacityShift)
                .toList();
        return new Scenario("baseline of " + scenario.name(), scenario.baseYear(), scenario.horizon(),
                scenario.products(), scenario.elasticities(), scenario.groups(), developments, scenario.datasetVersion());
    }

    /**
     * Reads the request's document against the baseline's data-set version and solves it on the
     * baseline's product. Never throws for bad input: an invalid document, a baseline of another
     * year than the base year or a path that cannot be solved become one FAILED event.
     */
    public List<SimulationResultEvent> compute(ScenarioRequestEvent request, TradeBaselineEvent baseline) {
        DatasetCatalogue dataset = DatasetCatalogue.of(baseline);
        if (request.document() == null) {
            return List.of(failed(request.scenarioId(), request.scenarioVersion(), dataset, null, 0, 0,
                    "the request has no scenario document (archived: " + request.archived() + ")"));
        }
        Scenario scenario;
        try {
            scenario = readScenario(request.document(), dataset);
        } catch (ScenarioException e) {
            return List.of(invalidDocument(request, dataset, e));
        }
        return compute(request.scenarioId(), request.scenarioVersion(), scenario, baseline);
    }

    /**
     * Solves a read scenario on one product: the baseline event must be the product's base-year
     * baseline.
     */
    public List<SimulationResultEvent> compute(String scenarioId, int scenarioVersion, Scenario scenario,
                                               TradeBaselineEvent baseline) {
        int baseYear = scenario.baseYear();
        int lastYear = lastYear(scenario);
        String product = baseline.product();
        if (baseline.year() != baseYear) {
            return List.of(failed(scenarioId, scenarioVersion, DatasetCatalogue.of(baseline), product, baseYear, lastYear,
                    "no baseline of product " + product + " for the base year " + baseYear + " (got " + baseline.year() + ")"));
        }
        try {
            return solve(scenarioId, scenarioVersion, scenario, baseline);
        } catch (RuntimeException e) {
            // EquilibriumException and ForecastException (a year without equilibrium) and the engines'
            // IllegalArgumentException (e.g. an elasticity the calibration refuses) all end here
            return List.of(failed(scenarioId, scenarioVersion, DatasetCatalogue.of(baseline), product, baseYear, lastYear,
                    "product " + product + ": " + reason(e)));
        }
    }

    /** The FAILED event of a product whose base-year baseline the data-set version does not have. */
    public static SimulationResultEvent missingBaseline(String scenarioId, int scenarioVersion, Scenario scenario,
                                                        DatasetCatalogue dataset, String product) {
        return failed(scenarioId, scenarioVersion, dataset, product, scenario.baseYear(), lastYear(scenario),
                "no baseline of product " + product + " for the base year " + scenario.baseYear()
                        + " in data-set version " + dataset.version());
    }

    /**
     * The one FAILED event of a document that does not read against the data-set version. It names
     * no product (the document's products are not trustworthy); its year is the document's
     * {@code baseYear} when that is a whole number, else 0.
     */
    public static SimulationResultEvent invalidDocument(ScenarioRequestEvent request, DatasetCatalogue dataset,
                                                        ScenarioException e) {
        int baseYear = declaredBaseYear(request.document());
        return failed(request.scenarioId(), request.scenarioVersion(), dataset, null, baseYear, baseYear,
                "invalid scenario document: " + e.getMessage());
    }

    public static SimulationResultEvent failed(String scenarioId, int scenarioVersion, DatasetCatalogue dataset,
                                               String product, int baseYear, int lastYear, String error) {
        return new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, scenarioId, scenarioVersion,
                dataset.version(), product, baseYear, baseYear, lastYear, ComputationStatus.FAILED, error,
                dataset.dataNotice(), null, null);
    }

    private List<SimulationResultEvent> solve(String scenarioId, int scenarioVersion, Scenario scenario,
                                              TradeBaselineEvent baseline) {
        String product = baseline.product();
        TradeMatrix values = baseline.matrix();
        if (ElasticityChoice.tradeValue(values) <= 0) {
            throw new IllegalArgumentException("no foreign trade in " + baseline.year() + " to calibrate on");
        }
        int baseYear = scenario.baseYear();
        int lastYear = lastYear(scenario);
        Market scenarioMarket = Market.of(values, benchmarkPolicy(values, baseline), scenario, product);
        Market baselineMarket = Market.of(values, scenarioMarket.market.benchmarkPolicy(), baselineOf(scenario), product);
        ForecastPath path = ForecastPath.newton(new EquilibriumSolver(settings));
        List<YearOutcome> scenarioYears = path.run(scenarioMarket.market, scenarioMarket.policy, baseYear, lastYear);
        List<YearOutcome> baselineYears = path.run(baselineMarket.market, baselineMarket.policy, baseYear, lastYear);
        List<SimulationResultEvent> events = new ArrayList<>(scenarioYears.size());
        for (int k = 0; k < scenarioYears.size(); k++) {
            YearOutcome year = scenarioYears.get(k);
            events.add(new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, scenarioId, scenarioVersion,
                    baseline.datasetVersion(), product, year.year(), baseYear, lastYear, ComputationStatus.OK, null,
                    baseline.dataNotice(), solution(scenarioMarket, values, year),
                    solution(baselineMarket, values, baselineYears.get(k))));
        }
        return events;
    }

    /**
     * The tariffs in force in the base year on the traded foreign pairs (MODEL.md 1); pairs without
     * trade keep 0, as the command line's benchmark does, since they carry no calibrated weight.
     */
    static PolicyState benchmarkPolicy(TradeMatrix values, TradeBaselineEvent baseline) {
        int n = values.size();
        PolicyState policy = PolicyState.free(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && values.value(i, j) > 0) {
                    policy.setTariff(i, j, baseline.tariff(values.country(i), values.country(j)));
                }
            }
        }
        return policy;
    }

    /** One calibrated market with the policy of one scenario. */
    private record Market(ArmingtonMarket market, ScenarioPolicy policy, Scenario scenario) {
        static Market of(TradeMatrix values, PolicyState benchmark, Scenario scenario, String product) {
            MarketElasticities elasticities = ElasticityChoice.forProduct(scenario.elasticities(), values.countries(),
                    product);
            ArmingtonMarket market = ArmingtonMarket.calibrate(values, benchmark, elasticities);
            return new Market(market, new ScenarioPolicy(scenario, List.of(product)), scenario);
        }
    }

    /** The fields of the command line's {@code simulate} report that the event carries. */
    private static Solution solution(Market m, TradeMatrix benchmark, YearOutcome year) {
        ArmingtonMarket market = m.market;
        Equilibrium eq = year.equilibrium();
        int n = market.size();
        List<FlowValue> flows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double observed = benchmark.value(i, j);
                if (observed > 0) {
                    flows.add(new FlowValue(market.country(i), market.country(j), observed, number(eq.value(i, j))));
                }
            }
        }
        CountryWelfare[] welfare = year.welfare();
        Map<String, Welfare> welfareByCountry = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            CountryWelfare w = welfare[i];
            welfareByCountry.put(market.country(i), new Welfare(number(w.producerSurplus()),
                    number(w.consumerSurplus()), number(w.tariffRevenue()), number(w.exportTaxRevenue()),
                    number(w.quotaRent()), number(w.net())));
        }
        MarketElasticities used = market.elasticities();
        return new Solution(m.scenario.name(), SOLVER, eq.converged(), eq.iterations(), eq.maxResidual(),
                byCountry(market, eq.worldPrices()), byCountry(market, eq.compositePrices()), flows, welfareByCountry,
                byCountry(market, used.sigma()), byCountry(market, used.eta()),
                // perfectly elastic supply (eps = +inf) is written as null, as the event contract says
                byCountry(market, used.eps()), year.eventsInForce(), m.policy.warnings(year.year()));
    }

    private static Map<String, Double> byCountry(ArmingtonMarket market, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < market.size(); i++) {
            out.put(market.country(i), number(values[i]));
        }
        return out;
    }

    /** JSON has no NaN or infinity: a number that is not finite is written as null. */
    static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static int declaredBaseYear(String document) {
        try {
            JsonNode year = document == null ? null : JSON.readTree(document).get("baseYear");
            return year != null && year.isIntegralNumber() && year.canConvertToInt() ? year.intValue() : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
