-- A phone photo of an open book holds two pages: both scans keep the photo as their original and
-- say which page of the spread they are ('left' or 'right'; '' for a page of its own).
ALTER TABLE scans ADD COLUMN side text NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right'));
