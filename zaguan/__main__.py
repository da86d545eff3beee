"""`python -m zaguan`: the `zaguan` command line (see `zaguan._cli`)."""

import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
