-- The current data-set pointer from dataset.current (issue 14): every activation received, keyed
-- by its sequence; the highest is current. Before the first one, the newest data-set version by
-- arrival is used (deployments whose ingest-service predates dataset.current).
create table current_dataset (
    sequence        bigint primary key,
    dataset_version varchar(255) not null,
    event           text         not null,
    received_at     timestamp with time zone not null
);
