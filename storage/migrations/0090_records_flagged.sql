-- The follow-up list (entries set aside, newest first) at 10 million entries: without these it
-- read every entry of the country (a sequential scan, 7 s). By time for those who see every
-- commune; by page for a supervisor's communes (ledgers → pages → their flagged entries).
CREATE INDEX records_flagged_at ON records (updated_at DESC, id DESC) WHERE status = 'flagged';
CREATE INDEX records_flagged_scan ON records (scan_id, updated_at) WHERE status = 'flagged';
