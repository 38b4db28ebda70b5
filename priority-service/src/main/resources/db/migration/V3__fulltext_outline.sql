-- Headings, algorithm labels and captions of the parsed full text: the type classifier reads them too.
ALTER TABLE paper ADD COLUMN fulltext_outline TEXT NOT NULL DEFAULT '';
