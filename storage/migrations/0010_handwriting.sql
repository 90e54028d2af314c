-- Boxes in the uploaded image's own pixels (beside the cleaned page's), so a crop can be cut
-- from the untouched original, and whether each value is handwritten or typed.
ALTER TABLE records ADD COLUMN box_original int[] CHECK (box_original IS NULL OR cardinality(box_original) = 4);
ALTER TABLE fields ADD COLUMN box_original int[] CHECK (box_original IS NULL OR cardinality(box_original) = 4);
ALTER TABLE fields ADD COLUMN handwritten boolean NOT NULL DEFAULT false;
