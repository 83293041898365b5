-- ingest-service's own schema (Flyway runs in schema "ingest"; no other service reads these tables).

-- One row per data-set version (version = content hash, so the same content is stored once).
create table dataset_version (
    version        varchar(100) primary key,   -- "sha256:" + 64 hex digits
    created_at     timestamp(6) with time zone not null,
    source         text not null,              -- "upload" or "bootstrap:<directory>"
    years          text not null,              -- JSON array of years, ascending
    products       text not null,              -- JSON array of HS6 codes, ascending
    countries      integer not null,           -- rows of country_codes.csv accepted
    accepted_rows  bigint not null,            -- accepted flow rows of the year files
    rejected_rows  bigint not null,            -- rows of any file with at least one problem
    data_notice    text not null,
    notice_recorded boolean not null           -- false: the upload had no dataset.properties notice
);
create index dataset_version_created on dataset_version (created_at);

-- Every problem the reader found, in reading order (ordinal); the rows concerned were not used.
create table dataset_problem (
    version      varchar(100) not null references dataset_version (version) on delete cascade,
    ordinal      integer not null,             -- position in reading order, from 0
    file_name    text not null,
    line         bigint not null,
    column_name  text,                         -- null: the whole row (e.g. wrong column count)
    message      text not null,
    primary key (version, ordinal)
);

-- The stored data set: one row per (version, year, product) with the TradeBaselineEvent exactly as
-- published (accepted flows and their tariffs, JSON by EventCodec). published = the broker
-- acknowledged it (publish-then-mark; unacknowledged rows are re-sent).
create table dataset_baseline (
    event_key    varchar(200) primary key,     -- TradeBaselineEvent.key() = version:year:product
    version      varchar(100) not null references dataset_version (version) on delete cascade,
    year         integer not null,
    product      varchar(6) not null,
    flows        integer not null,
    tariffs      integer not null,
    event        text not null,
    published    boolean not null,
    published_at timestamp(6) with time zone
);
create index dataset_baseline_version on dataset_baseline (version);
create index dataset_baseline_unpublished on dataset_baseline (published) where not published;
