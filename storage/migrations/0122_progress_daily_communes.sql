-- A province's or district's days: its communes' rows only.
CREATE INDEX progress_daily_communes_commune ON progress_daily_communes (commune_code, day);
