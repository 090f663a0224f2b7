"""Interoperability: import configurations described in other tools' formats, and back.

`table_schema` maps a configuration to a Frictionless Table Schema or Data Package and a Table
Schema to the inputs of a draft. Frictionless is imported only by the functions that need it,
so importing this package (or the command line) does not load it.
"""

from __future__ import annotations
