-- Audit trail and ownership (issue 10). Rows from before this migration have no creator and no
-- owning team (null): such a scenario keeps the old rule, any analyst may change it (README, "Ownership").

-- Who made each version (the token subject); when is requested_at (the instant the version was accepted).
alter table scenario_version add column created_by text;

-- The team of the creator (the token's team claim, else its subject) and whether the team shares
-- the scenario with the other teams' analysts (read-only for them).
alter table scenario add column owner_team text;
alter table scenario add column shared boolean not null default false;
