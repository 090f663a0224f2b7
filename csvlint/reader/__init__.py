"""From bytes to records with exact positions: first look, decoding, dialect and the CSV grammar."""
