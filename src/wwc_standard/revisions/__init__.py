"""revisions layer."""
