"""A booth process for the crash test: `sync` rounds in a loop over the durable outbox double,
until it is SIGKILLed. Usage: booth_loop.py HOME OUTBOX_DB HUB_URL CREDENTIAL BATCH"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from outbox_double import OutboxDouble  # noqa: E402

from inspector_app.sync.client import SyncClient, SyncError  # noqa: E402

home, db, url, credential, batch = sys.argv[1:6]
client = SyncClient(Path(home), OutboxDouble(Path(db)), url, credential, batch_size=int(batch), timeout=5)
print("ready", flush=True)
while True:
    try:
        client.push_once()
    except SyncError:
        pass
