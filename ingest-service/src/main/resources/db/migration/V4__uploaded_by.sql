-- Audit trail (issue 10): the operator (token subject) whose upload stored a data-set version. Null for
-- versions read from the service's own disk at start (bootstrap) and for versions stored before this.
alter table dataset_version add column uploaded_by text;
