-- The fuzzy family-name-and-year block filters on the given name and the whole name's key from
-- the index alone (an index-only scan), then fetches only the rows that pass.
CREATE INDEX IF NOT EXISTS citizens_surname_year_names ON citizens (surname_key, birth_year)
    INCLUDE (given_key, name_key, so_dinh_danh);
DROP INDEX IF EXISTS citizens_surname_year;
