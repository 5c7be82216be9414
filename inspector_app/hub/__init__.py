"""The upstream hub (see docs/HUB_API.md): FastAPI over SQLite or PostgreSQL.

server       the HTTP API; runner: uvicorn in the foreground or in a thread
db           one SQL layer over both databases: booths, records, users, bundles, queue, reviews
records      content hashing (idempotency) and which records go to the supervisor queue
credentials  per-booth credentials; passwords: scrypt hashes booths check offline
outbox_file, importer   offline transfer from air-gapped booths
"""
