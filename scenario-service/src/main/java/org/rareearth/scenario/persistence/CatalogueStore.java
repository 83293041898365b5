package org.rareearth.scenario.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.rareearth.scenario.core.Catalogue;
import org.rareearth.shared.events.CurrentDatasetEvent;
import org.rareearth.shared.events.TradeBaselineEvent;

/**
 * The catalogue of data-set versions learned from {@code trade.baseline}, and which one is current
 * ({@code dataset.current}).
 */
@ApplicationScoped
public class CatalogueStore {

    /**
     * Adds what one baseline event says about its data-set version. Idempotent: a redelivered event
     * (or another year/product of a known version) adds only what is new.
     *
     * @return true when the catalogue changed
     */
    @Transactional
    public boolean record(TradeBaselineEvent event) {
        boolean changed = false;
        CatalogueDatasetEntity dataset = CatalogueDatasetEntity.findById(event.datasetVersion());
        TreeSet<Integer> years = new TreeSet<>(event.datasetYears());
        years.add(event.year());
        TreeSet<String> products = new TreeSet<>(event.datasetProducts());
        products.add(event.product());
        if (dataset == null) {
            dataset = new CatalogueDatasetEntity();
            dataset.datasetVersion = event.datasetVersion();
            dataset.years = Json.write(List.copyOf(years));
            dataset.products = Json.write(List.copyOf(products));
            dataset.dataNotice = event.dataNotice();
            dataset.firstSeen = Instant.now();
            dataset.persist();
            changed = true;
        } else {
            years.addAll(Json.integers(dataset.years));
            products.addAll(Json.strings(dataset.products));
            String y = Json.write(List.copyOf(years));
            String p = Json.write(List.copyOf(products));
            if (!y.equals(dataset.years) || !p.equals(dataset.products)) {
                dataset.years = y;
                dataset.products = p;
                changed = true;
            }
            if (dataset.dataNotice == null && event.dataNotice() != null) {
                dataset.dataNotice = event.dataNotice();
                changed = true;
            }
        }
        Set<String> known = new HashSet<>(countries(event.datasetVersion()));
        Set<String> seen = new TreeSet<>();
        for (TradeBaselineEvent.Flow flow : event.flows()) {
            seen.add(flow.exporter());
            seen.add(flow.importer());
        }
        for (String country : seen) {
            if (known.add(country)) {
                CatalogueCountryEntity c = new CatalogueCountryEntity();
                c.id = event.datasetVersion() + ":" + country;
                c.datasetVersion = event.datasetVersion();
                c.country = country;
                c.persist();
                changed = true;
            }
        }
        return changed;
    }

    /**
     * Keeps a pointer of dataset.current; the version it names enters the catalogue at once (its
     * countries follow with its baselines).
     *
     * @return true when it moved the pointer (its sequence is higher than every one stored)
     */
    @Transactional
    public boolean recordCurrent(CurrentDatasetEvent event) {
        Long highest = CatalogueCurrentEntity.getEntityManager()
                .createQuery("select max(c.sequence) from CatalogueCurrentEntity c", Long.class).getSingleResult();
        if (!event.movesPointerFrom(highest)) {
            return false;
        }
        CatalogueCurrentEntity c = new CatalogueCurrentEntity();
        c.sequence = event.sequence();
        c.datasetVersion = event.datasetVersion();
        c.activatedAt = event.activatedAt();
        c.reason = event.reason();
        c.receivedAt = Instant.now();
        c.persist();
        if (CatalogueDatasetEntity.findById(event.datasetVersion()) == null) {
            CatalogueDatasetEntity dataset = new CatalogueDatasetEntity();
            dataset.datasetVersion = event.datasetVersion();
            dataset.years = Json.write(List.copyOf(new TreeSet<>(event.datasetYears())));
            dataset.products = Json.write(List.copyOf(new TreeSet<>(event.datasetProducts())));
            dataset.dataNotice = event.dataNotice();
            dataset.firstSeen = Instant.now();
            dataset.persist();
        }
        return true;
    }

    /**
     * The current data-set version: the pointer of dataset.current with the highest sequence; before
     * any pointer arrived, the version first seen most recently.
     */
    @Transactional
    public Optional<Catalogue> current() {
        return CatalogueCurrentEntity.<CatalogueCurrentEntity>find("order by sequence desc").firstResultOptional()
                .flatMap(c -> CatalogueDatasetEntity.<CatalogueDatasetEntity>findByIdOptional(c.datasetVersion))
                .or(() -> CatalogueDatasetEntity.<CatalogueDatasetEntity>find("order by firstSeen desc, datasetVersion desc")
                        .firstResultOptional())
                .map(this::catalogue);
    }

    @Transactional
    public Optional<Catalogue> of(String datasetVersion) {
        return CatalogueDatasetEntity.<CatalogueDatasetEntity>findByIdOptional(datasetVersion).map(this::catalogue);
    }

    private Catalogue catalogue(CatalogueDatasetEntity d) {
        return new Catalogue(d.datasetVersion, Json.integers(d.years), Json.strings(d.products),
                countries(d.datasetVersion), d.dataNotice);
    }

    private List<String> countries(String datasetVersion) {
        return CatalogueCountryEntity.<CatalogueCountryEntity>find("datasetVersion = ?1 order by country", datasetVersion)
                .list().stream().map(c -> c.country).toList();
    }
}
