"""Suite-wide setup.

hypothesis' pytest plugin imports hypothesis lazily in its terminal summary; when no
test imported it before (e.g. `pytest tests/agents`), that late import goes through
pytest's assertion rewriter after Faust has run and CPython 3.11.7 fails with "AST
constructor recursion depth mismatch". Importing it at collection avoids that.
"""

import hypothesis  # noqa: F401
