"""`python -m stream` runs the CLI."""

from stream.cli import main

main()
