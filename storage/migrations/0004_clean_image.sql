-- The cleaned page clerks see (deskewed, cropped, upscaled): its size, since field boxes are in
-- its coordinates, not the original's.
ALTER TABLE scans ADD COLUMN clean_width int NOT NULL DEFAULT 0;
ALTER TABLE scans ADD COLUMN clean_height int NOT NULL DEFAULT 0;
