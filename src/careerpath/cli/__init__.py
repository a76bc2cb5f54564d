"""The ``careerpath`` command line."""
