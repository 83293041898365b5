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
import org.rareearth.shared.scenario.Scenario;
import org.rareearth.shared.scenario.ScenarioException;
import org.rareearth.shared.scenario.ScenarioReader;
import org.rareearth.shared.trade.TradeMatrix;
import org.rareearth.simulation.forecast.BaseYearMarket;
import org.rareearth.simulation.forecast.ScenarioForecast;
import org.rareearth.simulation.forecast.ScenarioForecaster;
import org.rareearth.simulation.forecast.SolverKind;
import org.rareearth.simulation.forecast.YearOutcome;
import org.rareearth.simulation.forecast.YearSolution;
import org.rareearth.simulation.solver.SolverSettings;

/**
 * Turns one scenario request and the base-year baseline of one product into the result events of
 * that product: one {@link SimulationResultEvent} per year of the path {@code baseYear..horizon}
 * (MODEL.md 6), each with the scenario's solution and the baseline's (the scenario without its
 * policy events, demand and capacity shifts kept: docs/model-choices.md), or one FAILED event
 * (year = base year) saying why nothing could be solved. Framework-free, so the services' tests and
 * the command line can check it against the engines directly.
 *
 * <p>The solving is the command line's: {@link ScenarioForecaster} on the product's base-year flows
 * and tariffs, by the damped Newton solver, for the scenario and for its baseline
 * ({@link ScenarioForecaster#baselineOf}); the events carry its {@link YearSolution}s (numbers that
 * are not finite as {@code null}: JSON has no NaN).
 */
public final class ScenarioComputation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioForecaster forecaster;

    public ScenarioComputation(SolverSettings settings) {
        this.forecaster = new ScenarioForecaster(SolverKind.NONLINEAR, Objects.requireNonNull(settings, "settings"));
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
        int baseYear = scenario.baseYear();
        int lastYear = lastYear(scenario);
        BaseYearMarket market = BaseYearMarket.ofProduct(baseline.year(), product, values,
                (i, j) -> baseline.tariff(values.country(i), values.country(j)));
        ScenarioForecast scenarioPath = forecaster.forecast(market, scenario, lastYear);
        ScenarioForecast baselinePath = forecaster.forecast(market, ScenarioForecaster.baselineOf(scenario), lastYear);
        List<SimulationResultEvent> events = new ArrayList<>(scenarioPath.years().size());
        for (int k = 0; k < scenarioPath.years().size(); k++) {
            YearOutcome year = scenarioPath.years().get(k);
            events.add(new SimulationResultEvent(SimulationResultEvent.SCHEMA_VERSION, scenarioId, scenarioVersion,
                    baseline.datasetVersion(), product, year.year(), baseYear, lastYear, ComputationStatus.OK, null,
                    baseline.dataNotice(), solution(scenarioPath.solution(year)),
                    solution(baselinePath.solution(baselinePath.years().get(k)))));
        }
        return events;
    }

    /** The fields of the command line's {@code simulate} report that the event carries. */
    private static Solution solution(YearSolution s) {
        List<FlowValue> flows = s.flows().stream()
                .map(f -> new FlowValue(f.exporter(), f.importer(), f.observed(), f.value()))
                .toList();
        Map<String, Welfare> welfare = new LinkedHashMap<>();
        s.welfare().forEach((country, w) -> welfare.put(country, new Welfare(w.producerSurplus(), w.consumerSurplus(),
                w.tariffRevenue(), w.exportTaxRevenue(), w.quotaRent(), w.net())));
        // converged: a year is reported only once solved (the forecast throws otherwise);
        // eps: perfectly elastic supply is null, as the event contract says
        return new Solution(s.scenarioName(), s.solver(), true, s.iterations(), s.maxResidual(),
                s.worldPrices(), s.compositePrices(), flows, welfare, s.sigma(), s.eta(), s.eps(),
                s.eventsInForce(), s.warnings());
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
