"""`backup-api`: the command line. `serve` runs the reference server; the other commands talk to a
running server through the published client.

It is a package of the root distribution (beside the server), not of `backup-api-client`: it needs
typer and rich, which the published client must not impose on applications that only call the API.
"""
