"""Booth side of the upstream protocol (see docs/CONTRACTS.md and docs/HUB_API.md).

client   SyncClient: ordered, idempotent outbox push; bundle, user and review pull; status
worker   SyncWorker: the background loop with exponential backoff and jitter
pull     the seam to screening.bundles (signature checks live there, not here)
export   outbox export to removable media for air-gapped ports
config   hub URL, booth id and credential of a booth home; state: what the UI shows
"""
