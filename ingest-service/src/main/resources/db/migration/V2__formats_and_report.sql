-- Streaming ingest of BACI and UN Comtrade files (issue 4): what each version was read as.
alter table dataset_version add column format text not null default 'BACI';          -- BACI or UN Comtrade
alter table dataset_version add column product_filter text not null default 'all';   -- "all" or the HS6 comma list kept
alter table dataset_version add column rows_read bigint not null default 0;          -- accepted + rejected + skipped
alter table dataset_version add column skipped_rows bigint not null default 0;       -- products not kept, records set aside
alter table dataset_version add column reconciliation text;                          -- JSON (UN Comtrade only): whose report each flow is
