-- The current data-set pointer from dataset.current (issue 14): every activation received, keyed by
-- its sequence; the highest is current. Before the first one, the version first seen most recently
-- on trade.baseline is used (deployments whose ingest-service predates dataset.current).
create table catalogue_current (
    sequence        bigint primary key,
    dataset_version varchar(200) not null,
    activated_at    text,                   -- ISO-8601, as ingest-service sent it
    reason          text,
    received_at     timestamp(6) with time zone not null
);
