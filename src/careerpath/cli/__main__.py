"""Allow ``python -m careerpath.cli``."""

from careerpath.cli.app import main

main()
