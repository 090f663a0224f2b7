"""`python -m csvlint` runs the command line."""

from csvlint.cli import main

main()
