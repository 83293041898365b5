package org.rareearth.scenario.persistence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.TreeMap;
import org.rareearth.scenario.core.ScenarioDocuments;
import org.rareearth.shared.events.ComputationStatus;

/**
 * The forecast of one scenario version on one data-set version, from the read model: per product
 * and year the scenario solution (simulation.results) and the network indicators, brokerage and
 * comparison with the baseline network (network.metrics).
 */
@ApplicationScoped
public class ForecastStore {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Transactional
    public ObjectNode forecast(String scenarioId, int version, String datasetVersion) {
        String ok = ComputationStatus.OK.name();
        Map<String, Map<Integer, ObjectNode>> products = new TreeMap<>();
        String dataNotice = null;
        for (SimulationResultRow r : SimulationResultRow.<SimulationResultRow>list(
                "scenarioId = ?1 and scenarioVersion = ?2 and datasetVersion = ?3 and status = ?4",
                scenarioId, version, datasetVersion, ok)) {
            ObjectNode cell = cell(products, r.product, r.year);
            cell.set("worldPrices", ScenarioDocuments.tree(r.worldPrices));
            cell.set("compositePrices", ScenarioDocuments.tree(r.compositePrices));
            cell.set("flows", ScenarioDocuments.tree(r.flows));
            cell.set("welfare", ScenarioDocuments.tree(r.welfare));
            dataNotice = dataNotice != null ? dataNotice : r.dataNotice;
        }
        for (NetworkMetricsRow r : NetworkMetricsRow.<NetworkMetricsRow>list(
                "scenarioId = ?1 and scenarioVersion = ?2 and datasetVersion = ?3 and status = ?4",
                scenarioId, version, datasetVersion, ok)) {
            ObjectNode network = NODES.objectNode();
            network.set("indicators", ScenarioDocuments.tree(r.indicators));
            network.set("brokerage", ScenarioDocuments.tree(r.brokerage));
            network.set("comparison", ScenarioDocuments.tree(r.comparison));
            cell(products, r.product, r.year).set("network", network);
            dataNotice = dataNotice != null ? dataNotice : r.dataNotice;
        }
        ObjectNode out = NODES.objectNode();
        out.put("id", scenarioId);
        out.put("version", version);
        out.put("datasetVersion", datasetVersion);
        out.put("dataNotice", dataNotice);
        ObjectNode byProduct = out.putObject("products");
        products.forEach((product, years) -> {
            ObjectNode byYear = byProduct.putObject(product);
            years.forEach((year, cell) -> byYear.set(String.valueOf(year), cell));
        });
        return out;
    }

    /** The cell of a product and year, with every field present (null until its event arrived). */
    private static ObjectNode cell(Map<String, Map<Integer, ObjectNode>> products, String product, int year) {
        return products.computeIfAbsent(product, p -> new TreeMap<>()).computeIfAbsent(year, y -> {
            ObjectNode c = NODES.objectNode();
            c.putNull("worldPrices");
            c.putNull("compositePrices");
            c.putNull("flows");
            c.putNull("welfare");
            c.putNull("network");
            return c;
        });
    }
}
