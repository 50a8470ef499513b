-- A record's legacy id as the target's external id field compares it (lower case when the field is not case
-- sensitive, as Salesforce's external ids are by default): rows of one run with the same key are the same record, and
-- the first of them in export order owns it.
alter table outcome add column legacy_key varchar(255);
create index outcome_legacy_key on outcome (run_id, object_name, legacy_key);
