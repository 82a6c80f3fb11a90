#!/usr/bin/env python3
"""Writes the mongodump-style BSON copy of the sync_db fixture, and the truncated BSON bad input.

Reads every fixtures/sync_db/<collection>.json (mongoexport Extended JSON, one document per line)
and writes fixtures/mongodump/sync_db/<collection>.bson plus <collection>.metadata.json, as
mongodump lays them out. Also writes fixtures/bad/truncated.bson: two whole SMS sync documents
followed by the first half of a third.

Test tooling only. Needs pymongo's `bson` package:
    python3 -m pip install pymongo==4.10.1      (or: PY=$(scripts/python-test-env.sh))
Run from the package root:
    python3 scripts/make-bson-fixtures.py
"""
import json
import pathlib
import sys

try:
    import bson
    from bson import json_util
except ImportError:
    sys.exit("Error: the 'bson' module is missing; install it with 'python3 -m pip install pymongo==4.10.1'")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fixtures" / "sync_db"
TARGET = ROOT / "fixtures" / "mongodump" / "sync_db"
SMS_COLLECTION = "sms_sync_request_sms_data"

# Indexes of the operators' sync_db collections, written into the mongodump metadata files.
INDEXES = {
    "sms_sync_request_sms_data": [{"client_id": 1, "user_id": 1}],
    "device_sync_request_apps_data": [{"client_id": 1, "user_id": 1}],
    "device_sync_request_device_data": [{"client_id": 1, "user_id": 1}, {"request_id": 1}],
    "device_sync_request_ios_device_data": [{"client_id": 1, "user_id": 1}, {"request_id": 1}],
    "contacts_sync_request_contacts_data": [{"client_id": 1, "user_id": 1}],
    "call_logs_sync_request_call_logs_data": [{"client_id": 1, "user_id": 1}],
}


def read_documents(path):
    """Parses one mongoexport file, keeping Extended JSON types ($date, $oid, $numberLong)."""
    options = json_util.JSONOptions(tz_aware=False)
    with path.open(encoding="utf-8") as handle:
        return [json_util.loads(line, json_options=options) for line in handle if line.strip()]


def metadata(collection):
    indexes = [{"v": 2, "key": {"_id": 1}, "name": "_id_"}]
    for keys in INDEXES.get(collection, []):
        name = "_".join(f"{field}_{order}" for field, order in keys.items())
        indexes.append({"v": 2, "key": keys, "name": name})
    return {"indexes": indexes, "collectionName": collection, "type": "collection"}


def main():
    TARGET.mkdir(parents=True, exist_ok=True)
    sources = sorted(SOURCE.glob("*.json"))
    if not sources:
        sys.exit(f"Error: no .json files in '{SOURCE}'")
    for source in sources:
        collection = source.stem
        documents = read_documents(source)
        with (TARGET / f"{collection}.bson").open("wb") as out:
            for document in documents:
                out.write(bson.encode(document))
        (TARGET / f"{collection}.metadata.json").write_text(json.dumps(metadata(collection)) + "\n")
        print(f"Wrote {len(documents)} documents to {TARGET / (collection + '.bson')}")

    documents = read_documents(SOURCE / f"{SMS_COLLECTION}.json")[:3]
    encoded = [bson.encode(document) for document in documents]
    truncated = ROOT / "fixtures" / "bad" / "truncated.bson"
    truncated.parent.mkdir(parents=True, exist_ok=True)
    truncated.write_bytes(encoded[0] + encoded[1] + encoded[2][: len(encoded[2]) // 2])
    print(f"Wrote {truncated}")


if __name__ == "__main__":
    main()
