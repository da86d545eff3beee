"""Credits: the ledger of each key (`_ledger`), charging once per request id (`_charge`), and
the history and statistics computed from it (`_reports`)."""
