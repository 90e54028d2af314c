-- The trigram index on whole names served no block well at a million citizens (a common name's
-- "%" search took seconds) and slowed the import; similarity() is used as a filter within the
-- family-name-and-year block instead.
DROP INDEX IF EXISTS citizens_name_trgm;
