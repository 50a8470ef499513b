-- Salesforce ids have 18 characters; other CRMs' ids (UUIDs, composite keys) are longer.
alter table ledger alter column target_id set data type varchar(255);
alter table outcome alter column target_id set data type varchar(255);
