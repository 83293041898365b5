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
import org.rareearth.scenario.core.Caller;
import org.rareearth.scenario.core.ScenarioArchivedException;
import org.rareearth.scenario.core.ScenarioDocuments.Validated;
import org.rareearth.scenario.core.ScenarioNotFoundException;
import org.rareearth.scenario.core.ScenarioStatus;

/** Scenarios and their versions. Every version's document is kept; a version is never changed, only its status. */
@ApplicationScoped
public class ScenarioStore {

    @Inject
    ProgressStore progress;

    /** Stores a new scenario as version 1 (not yet published), owned by the creator's team. */
    @Transactional
    public StoredRequest create(String id, Validated validated, Caller creator) {
        Instant now = Instant.now();
        ScenarioEntity s = new ScenarioEntity();
        s.id = id;
        s.name = validated.scenario().name();
        s.currentVersion = 1;
        s.createdAt = now;
        s.updatedAt = now;
        s.ownerTeam = creator.team();
        s.shared = false;
        s.persist();
        return newVersion(s, validated, now, creator);
    }

    /**
     * Stores the next version of a scenario, made by {@code next} from the current document.
     *
     * @throws ScenarioNotFoundException unknown id
     * @throws ScenarioArchivedException archived scenario
     */
    @Transactional
    public StoredRequest append(String id, Caller author, Function<String, Validated> next) {
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
        return newVersion(s, validated, now, author);
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

    /** Shares a scenario with the other teams (or stops sharing it); not a new version, nothing is published. */
    @Transactional
    public void share(String id, boolean shared) {
        locked(id).shared = shared;
    }

    /** One page of a scenario's versions, oldest first, and how many there are. */
    public record Versions(List<VersionRecord> items, long total) {
    }

    /**
     * Versions {@code offset+1 .. offset+limit} of a scenario and, when {@code offset > 0}, the one
     * before them too (first in the list), so the caller can tell what each version added.
     */
    @Transactional
    public Versions versions(String id, int offset, int limit) {
        ScenarioEntity s = ScenarioEntity.findById(id);
        if (s == null) {
            throw new ScenarioNotFoundException(id);
        }
        int first = Math.max(1, offset);
        List<VersionRecord> items = ScenarioVersionEntity.getEntityManager().createQuery(
                        "select new org.rareearth.scenario.persistence.VersionRecord(v.version, v.createdBy, v.requestedAt,"
                                + " v.document) from ScenarioVersionEntity v where v.scenarioId = ?1 and v.version >= ?2"
                                + " and v.version <= ?3 order by v.version", VersionRecord.class)
                .setParameter(1, id).setParameter(2, first).setParameter(3, offset + limit).getResultList();
        return new Versions(items, s.currentVersion);
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

    /**
     * Like {@link #list(int, int)}, but only the scenarios an analyst of {@code team} may read: the
     * team's own, shared ones and those stored before ownership (no team; Ownership).
     */
    @Transactional
    public Listing listReadableBy(String team, int offset, int limit) {
        String readable = "(s.ownerTeam = :team or s.shared = true or s.ownerTeam is null)";
        List<ScenarioSummary> items = ScenarioEntity.getEntityManager().createQuery(
                        "select new org.rareearth.scenario.persistence.ScenarioSummary(s.id, s.name, v.version, v.status,"
                                + " s.archived) from ScenarioEntity s, ScenarioVersionEntity v"
                                + " where v.scenarioId = s.id and v.version = s.currentVersion and " + readable
                                + " order by s.createdAt, s.id", ScenarioSummary.class)
                .setParameter("team", team).setFirstResult(offset).setMaxResults(limit).getResultList();
        long total = ScenarioEntity.count(readable.replace(":team", "?1").replace("s.", ""), team);
        return new Listing(items, total);
    }

    private ScenarioView view(ScenarioEntity s) {
        ScenarioVersionEntity v = ScenarioVersionEntity.of(s.id, s.currentVersion);
        return new ScenarioView(s.id, s.name, v.version, ScenarioStatus.valueOf(v.status), v.reason, s.archived,
                v.document, v.datasetVersion, v.expected, v.received, s.ownerTeam, s.shared);
    }

    private ScenarioEntity locked(String id) {
        ScenarioEntity s = ScenarioEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new ScenarioNotFoundException(id);
        }
        return s;
    }

    private StoredRequest newVersion(ScenarioEntity s, Validated validated, Instant now, Caller author) {
        ScenarioVersionEntity v = new ScenarioVersionEntity();
        v.scenarioId = s.id;
        v.version = s.currentVersion;
        v.document = validated.document();
        v.baseYear = validated.scenario().baseYear();
        v.horizon = validated.scenario().horizon();
        v.products = Json.write(validated.scenario().products());
        v.requestedAt = now;
        v.createdBy = author.subject();
        v.published = false;
        v.status = ScenarioStatus.PENDING.name();
        v.persist();
        progress.recompute(v);
        return request(v, false);
    }

    private static StoredRequest archiveRequest(ScenarioEntity s, ScenarioVersionEntity current) {
        return new StoredRequest(s.id, current.version, true, current.document, s.updatedAt, current.status,
                current.createdBy);
    }

    private static StoredRequest request(ScenarioVersionEntity v, boolean archived) {
        return new StoredRequest(v.scenarioId, v.version, archived, v.document, v.requestedAt, v.status, v.createdBy);
    }
}
