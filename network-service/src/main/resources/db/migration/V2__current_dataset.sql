-- The current data-set pointer from dataset.current (issue 14): every activation received, keyed
-- by its sequence; the highest is current and the observed series shows it. Before the first one,
-- the newest version by arrival is shown.
create table current_dataset (
    sequence        bigint primary key,
    dataset_version varchar(255) not null,
    received_at     timestamp with time zone not null
);
