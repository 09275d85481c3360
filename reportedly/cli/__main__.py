"""Run the command line: ``python -m reportedly.cli``."""

from reportedly.cli import main

main()
