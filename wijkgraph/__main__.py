"""`python -m wijkgraph`: the same as the `wijkgraph` command."""

from wijkgraph.cli import main

if __name__ == "__main__":
    main()
