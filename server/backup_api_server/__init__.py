"""Reference server of the Backup API: HTTP layer over a jobs engine, an asset database and a backup store."""
