"""sitrep: news reports of attacks and armed violence -> a sourced, geocoded incident database."""

__version__ = "0.1.0"
