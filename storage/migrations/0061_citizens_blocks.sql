-- Matching's second block (family and given name within two years) gets its own index instead of
-- a BitmapAnd of two large ones.
CREATE INDEX citizens_surname_given_year ON citizens (surname_key, given_key, birth_year);
