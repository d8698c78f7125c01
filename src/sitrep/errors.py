"""Coded errors, one place. Codes are stable and searchable: E1xx ingest, E2xx nlp, E3xx extract,
E4xx resolve / knowledge files, E5xx merge, E6xx store, E7xx serve / export, E8xx batch / watch."""
from __future__ import annotations


class SitrepError(Exception):
    """Base class: ``code`` is stable, the message says what to do."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None):
        if code:
            self.code = code
        super().__init__(f"[{self.code}] {message}")


class IngestError(SitrepError):
    code = "E100"


class KnowledgeError(SitrepError):
    """A knowledge file (actors, facilities, lexicons) is missing or has a bad row."""

    code = "E400"


class StoreError(SitrepError):
    code = "E600"


class ServeError(SitrepError):
    """The HTTP API: a bad filter, a missing token, a document that cannot be read (E7xx)."""

    code = "E700"


# Ingest
E101_EMPTY = "E101"  # empty input
E102_BINARY = "E102"  # binary / not text
E103_ENCODING = "E103"  # cannot decode
E104_TOO_LARGE = "E104"  # over the size limit
E105_BAD_JSON = "E105"  # a JSON Lines row that does not parse
E106_UNREADABLE = "E106"  # missing file, permission ...
E107_BAD_HTML = "E107"  # no text could be extracted from HTML
E108_NOT_ENGLISH = "E108"  # skipped: not English
E109_BAD_FEED = "E109"
E110_READER_FAILED = "E110"  # a reader failed on this input in a way it does not foresee (the others go on)

E118_INCIDENT_EXPORT = "E118"  # an incident table (sitrep / ACLED / UCDP export) where a report was expected

# nlp (E2xx) and extraction (E3xx)
E201_NO_SPACY_MODEL = "E201"  # the spaCy English model is not installed
E202_PARSE_FAILED = "E202"  # the parser failed on this document (the others go on)
E300_EXTRACTION_FAILED = "E300"  # a document's extraction raised; the batch goes on

# Knowledge files (E4xx): one meaning per code, whichever file it is
E401_KNOWLEDGE_UNREADABLE = "E401"  # a knowledge file is missing or cannot be read
E402_KNOWLEDGE_SYNTAX = "E402"  # not valid TOML / CSV, or a wrong header
E403_KNOWLEDGE_ENTRY = "E403"  # an entry lacks a key or has a value of the wrong kind
E404_UNKNOWN_EVENT_TYPE = "E404"  # an event / sub-event type that is not ACLED's
E405_KNOWLEDGE_COLUMNS = "E405"  # a CSV knowledge file lacks columns
E406_KNOWLEDGE_ROW = "E406"  # a CSV row lacks a value or has a bad one
E430_ROLES_FILE = "E430"  # a roles_*.csv knowledge file is missing or has a bad row
E431_ROLE_MODEL = "E431"  # the role model file is missing or malformed
E432_CLAUSE_MODEL = "E432"  # the clause model file (knowledge/clause_model.json) is missing or malformed
E433_ARGUMENT_MODEL = "E433"  # the argument model file (knowledge/argument_model.json) is missing or malformed

# Store
E601_STORE_OPEN = "E601"  # a SQLite file that cannot be opened (no folder, not a database)
E602_STORE_CONNECT = "E602"  # a PostgreSQL server that cannot be reached
E603_SCHEMA_NEWER = "E603"  # the database was written by a newer sitrep
E604_FOREIGN_MENTION = "E604"  # a mention passed with another document than its own
E605_NO_STORE = "E605"  # a reading command was given a SQLite path where there is no database

# Serve / export / command line (E7xx)
E701_BAD_FILTER = "E701"  # a query parameter that does not parse (bbox, date, claimed ...)
E702_NO_TOKEN = "E702"  # writing is disabled: no token configured
E703_BAD_TOKEN = "E703"  # missing or wrong bearer token
E704_BAD_DOCUMENT = "E704"  # a posted document that cannot be read (empty, too large ...)
E705_NO_PIPELINE = "E705"  # the extraction pipeline is not available
E706_TOO_LARGE = "E706"  # a request body over the size limit (refused before it is read)
E711_BAD_FORMAT = "E711"  # an export format that is not registered
E712_BAD_FILTER = "E712"  # a filter given on the command line is not a date, a box or a known value
E713_BAD_DEMO_INDEX = "E713"  # the bundled demo index (demo/index.json) is missing or malformed

# Batch (E8xx)
E801_BAD_PARTITION_SIZE = "E801"  # a batch partition size under 1
E802_PARTITIONS_FAILED = "E802"  # some partitions failed as a whole; rerun redoes only those
E810_FETCH = "E810"  # network error / HTTP error status
E811_TOO_LARGE = "E811"  # body (decompressed) over the limit
E812_REDIRECTS = "E812"  # redirect loop or too many redirects
E813_TIMEOUT = "E813"  # the whole fetch took longer than its deadline
E814_FEED_LIST = "E814"  # the FEEDS file is unreadable or has a bad line

# Evaluation (E9xx)
E910_BAD_KEY = "E910"  # a MUC-4 key file line that does not parse
E911_BAD_DOCS = "E911"  # a MUC-4 document file without id lines
