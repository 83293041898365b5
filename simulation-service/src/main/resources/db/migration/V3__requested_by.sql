-- Audit trail (issue 10): who made the scenario version (scenario.requests requestedBy), kept with the
-- request so a recomputation on new data still names that person in its simulation.results.
alter table scenario_request add column requested_by text;
