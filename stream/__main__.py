"""`python -m stream` runs the CLI."""

from stream.cli import main

if __name__ == "__main__":  # a spawned child process imports this module as __mp_main__
    main()
