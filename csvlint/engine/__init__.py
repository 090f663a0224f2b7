"""One pass over each file: read, hand the facts to every selected rule, collect the findings."""
