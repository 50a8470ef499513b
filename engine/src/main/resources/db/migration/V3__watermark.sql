-- Change capture: per stream of changes, the highest change marker a complete read has seen (e.g. the latest
-- updated_at of the legacy CRM's accounts). The next read asks only for what changed since. Streams are named
-- <side>/<object>: source/Account for the legacy CRM's changes; the cutover sync keeps the target's in the same table.
-- "value" is quoted everywhere: H2 2.x reserves the word.
create table watermark (
    stream      varchar(255)  not null primary key,
    "value"     varchar(255)  not null,
    updated_at  timestamp     not null
);
