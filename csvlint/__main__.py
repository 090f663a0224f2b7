"""`python -m csvlint` runs the command line."""

from csvlint.process import run

run()
