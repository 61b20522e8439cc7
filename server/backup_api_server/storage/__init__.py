"""Where the data lives: the local asset database and the backups.

- `assets`: the SQLite asset database, its snapshots, and the replacement swapped in by a restore;
- `database_files`: the database's files, and the start-up recovery of an interrupted swap;
- `archive`: the archive format (zstandard-compressed JSON lines), written and verified;
- `metadata`: a backup's metadata record (the commit record), sealed and verified;
- `store`: the backup store interface and its local-directory implementation.
"""
