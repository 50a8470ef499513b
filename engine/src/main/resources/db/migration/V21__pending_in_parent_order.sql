-- The load step reads a run's pending records page by page in parent order, after the last one it read (Ledger.pending).
-- outcome_pending has attempts before parent_key, so each page read every pending record of the object and sorted
-- them: quadratic in the records staged ahead of the load. With this index, and the order by naming its columns,
-- H2 and PostgreSQL read each page's rows from the index in order and stop after the page.
create index outcome_pending_in_order on outcome (run_id, object_name, outcome, parent_key, record_no);
