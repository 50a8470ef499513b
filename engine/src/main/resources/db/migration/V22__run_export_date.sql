-- When the legacy export a run reads was taken (cutover.run.export-date), recorded when the run starts: a resumed run
-- keeps it, and its report says which state of the legacy CRM it moved. Null when not given.
alter table run add column export_date date;
