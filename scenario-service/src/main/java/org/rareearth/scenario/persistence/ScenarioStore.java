package org.rareearth.scenario.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rareearth.scenario.core.ScenarioArchivedException;
import org.rareearth.scenario.core.ScenarioDocuments.Validated;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.core.ScenarioStatus;

/** Scenarios and their versions. Every version's document is kept; a version is never changed, only its status. */
@ApplicationScoped
public class ScenarioStore {

    @Inject
    ProgressStore progress;

    /** Stores a new scenario as version 1 (not yet published). */
    @Transactional
    public StoredRequest create(String id, Validated validated) {
        Instant now = Instant.now();
        ScenarioEntity s = new ScenarioEntity();
        s.id = id;
        s.name = validated.scenario().name();
        s.currentVersion = 1;
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        return newVersion(s, validated, now);
    }

    /**
     * Stores the next version of a scenario, made by {@code next} from the current document.
     *
     * @throws ScenarioNotFoundException unknown id
     * @throws ScenarioArchivedException archived scenario
     */
    @Transactional
    public StoredRequest append(String id, Function<String, Validated> next) {
        ScenarioEntity s = locked(id);
        if (s.archived) {
            throw new ScenarioArchivedException(id);
        }
        ScenarioVersionEntity current = ScenarioVersionEntity.of(id, s.currentVersion);
        Validated validated = next.apply(current.document);
        Instant now = Instant.now();
        s.currentVersion = current.version + 1;
        s.name = validated.scenario().name();
        s.updatedAt = now;
        return newVersion(s, validated, now);
    }

    /**
     * Marks a scenario archived.
     *
     * @return the archive request to publish, empty when it was archived and published before
     */
    @Transactional
    public Optional<StoredRequest> archive(String id) {
        ScenarioEntity s = locked(id);
        if (s.archived && s.archivePublished) {
            return Optional.empty();
        }
        s.archived = true;
        s.updatedAt = Instant.now();
        ScenarioVersionEntity current = ScenarioVersionEntity.of(id, s.currentVersion);
        return Optional.of(archiveRequest(s, current));
    }

    @Transactional
    public void markPublished(StoredRequest request) {
        if (request.archived()) {
            ScenarioEntity s = ScenarioEntity.findById(request.scenarioId());
            s.archivePublished = true;
        } else {
            ScenarioVersionEntity.of(request.scenarioId(), request.version()).published = true;
        }
    }

    /**
     * Requests stored but never acknowledged by the broker: the current version of each scenario
     * (the topic is compacted by scenario, so older versions no longer matter) and archivings.
     */
    @Transactional
    public List<StoredRequest> unpublished() {
        List<StoredRequest> out = new ArrayList<>();
        for (ScenarioEntity s : ScenarioEntity.<ScenarioEntity>listAll()) {
            ScenarioVersionEntity current = ScenarioVersionEntity.of(s.id, s.currentVersion);
            if (s.archived && !s.archivePublished) {
                out.add(archiveRequest(s, current));
            } else if (!s.archived && !current.published) {
                out.add(request(current, false));
            }
        }
        return out;
    }

    @Transactional
    public Optional<ScenarioView> find(String id) {
        return ScenarioEntity.<ScenarioEntity>findByIdOptional(id).map(this::view);
    }

    /** One page of scenarios, oldest first, and how many there are in all. */
    public record Listing(List<ScenarioSummary> items, long total) {
    }

    /** Scenarios {@code offset .. offset + limit - 1} in creation order, without their documents. */
    @Transactional
    public Listing list(int offset, int limit) {
        List<ScenarioSummary> items = ScenarioEntity.getEntityManager().createQuery(
                        "select new org.rareearth.scenario.persistence.ScenarioSummary(s.id, s.name, v.version, v.status,"
                                + " s.archived) from ScenarioEntity s, ScenarioVersionEntity v"
                                + " where v.scenarioId = s.id and v.version = s.currentVersion order by s.createdAt, s.id",
                        ScenarioSummary.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        return new Listing(items, ScenarioEntity.count());
    }

    private ScenarioView view(ScenarioEntity s) {
        ScenarioVersionEntity v = ScenarioVersionEntity.of(s.id, s.currentVersion);
        return new ScenarioView(s.id, s.name, v.version, ScenarioStatus.valueOf(v.status), v.reason, s.archived,
                v.document, v.datasetVersion, v.expected, v.received);
    }

    private ScenarioEntity locked(String id) {
        ScenarioEntity s = ScenarioEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new ScenarioNotFoundException(id);
        }
        return s;
    }

    private StoredRequest newVersion(ScenarioEntity s, Validated validated, Instant now) {
        ScenarioVersionEntity v = new ScenarioVersionEntity();
        v.scenarioId = s.id;
        v.version = s.currentVersion;
        v.document = validated.document();
        v.baseYear = validated.scenario().baseYear();
        v.horizon = validated.scenario().horizon();
        v.products = Json.write(validated.scenario().products());
        v.requestedAt = now;
        v.published = false;
        v.status = ScenarioStatus.PENDING.name();
        v.persist();
        progress.recompute(v);
        return request(v, false);
    }

    private static StoredRequest archiveRequest(ScenarioEntity s, ScenarioVersionEntity current) {
        return new StoredRequest(s.id, current.version, true, current.document, s.updatedAt, current.status);
    }

    private static StoredRequest request(ScenarioVersionEntity v, boolean archived) {
        return new StoredRequest(v.scenarioId, v.version, archived, v.document, v.requestedAt, v.status);
    }
}
