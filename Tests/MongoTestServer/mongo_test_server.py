#!/usr/bin/env python3
"""A MongoDB wire-protocol server for credeau's tests, backed by mongomock.

It speaks enough of the protocol for libmongoc 1.23: the OP_QUERY handshake (answered with
OP_REPLY), then OP_MSG for hello/isMaster, ping, buildInfo, find, aggregate, getMore, killCursors, insert,
createIndexes, listIndexes, listCollections and endSessions. It listens on 127.0.0.1 only and
prints `listening on 127.0.0.1:<port>` once it accepts connections.

    python mongo_test_server.py --port 0     # 0 lets the OS pick a free port
"""

import argparse
import datetime
import itertools
import socketserver
import struct
import sys
import threading

import bson
import mongomock
from bson.codec_options import CodecOptions
from pymongo.errors import DuplicateKeyError

OP_REPLY = 1
OP_QUERY = 2004
OP_MSG = 2013
MORE_TO_COME = 1 << 1
CHECKSUM_PRESENT = 1 << 0
# MongoDB 5.0 wire version: inside the range libmongoc 1.23 supports (6 to 17).
MAX_WIRE_VERSION = 13

CODEC = CodecOptions(tz_aware=True, tzinfo=datetime.timezone.utc)


class Store:
    """The mongomock client plus open cursors, shared by every connection under one lock."""

    def __init__(self):
        self.client = mongomock.MongoClient()
        self.lock = threading.Lock()
        self.cursors = {}
        self.cursor_ids = itertools.count(1000)
        self.connection_ids = itertools.count(1)


STORE = Store()


def ok(**fields):
    return dict(fields, ok=1.0)


def error(message, code, code_name):
    return {"ok": 0.0, "errmsg": message, "code": code, "codeName": code_name}


def hello_reply():
    return ok(
        helloOk=True, ismaster=True, isWritablePrimary=True, maxBsonObjectSize=16 * 1024 * 1024,
        maxMessageSizeBytes=48_000_000, maxWriteBatchSize=100_000,
        localTime=datetime.datetime.now(datetime.timezone.utc), logicalSessionTimeoutMinutes=30,
        connectionId=next(STORE.connection_ids), minWireVersion=0, maxWireVersion=MAX_WIRE_VERSION, readOnly=False)


def cursor_reply(namespace, documents, batch_size, first=True):
    """Returns the first (or next) batch and keeps the rest under a cursor id."""
    batch_size = batch_size if batch_size and batch_size > 0 else 101
    batch, rest = documents[:batch_size], documents[batch_size:]
    cursor_id = 0
    if rest:
        cursor_id = next(STORE.cursor_ids)
        STORE.cursors[cursor_id] = (namespace, rest)
    key = "firstBatch" if first else "nextBatch"
    return ok(cursor={key: batch, "id": bson.int64.Int64(cursor_id), "ns": namespace})


def run_command(body, sequences):
    name = next(iter(body))
    command = name.lower()
    database = STORE.client[body.get("$db", "test")]
    if command in ("hello", "ismaster"):
        return hello_reply()
    if command == "ping":
        return ok()
    if command == "buildinfo":
        return ok(version="7.0.0-credeau-test", versionArray=[7, 0, 0, 0], maxBsonObjectSize=16 * 1024 * 1024)
    if command == "endsessions":
        return ok()
    if command == "find":
        collection = database[body["find"]]
        limit = abs(int(body.get("limit", 0) or 0))
        cursor = collection.find(body.get("filter", {}), body.get("projection"))
        if body.get("sort"):
            cursor = cursor.sort(list(body["sort"].items()))
        if body.get("skip"):
            cursor = cursor.skip(int(body["skip"]))
        if limit:
            cursor = cursor.limit(limit)
        documents = list(cursor)
        if body.get("singleBatch"):
            return ok(cursor={"firstBatch": documents, "id": bson.int64.Int64(0),
                              "ns": f"{database.name}.{collection.name}"})
        return cursor_reply(f"{database.name}.{collection.name}", documents, body.get("batchSize"))
    if command == "aggregate":
        collection = database[body["aggregate"]]
        documents = list(collection.aggregate(list(body.get("pipeline", []))))
        batch_size = (body.get("cursor") or {}).get("batchSize")
        return cursor_reply(f"{database.name}.{collection.name}", documents, batch_size)
    if command == "getmore":
        cursor_id = int(body["getMore"])
        if cursor_id not in STORE.cursors:
            return error(f"cursor id {cursor_id} not found", 43, "CursorNotFound")
        namespace, rest = STORE.cursors.pop(cursor_id)
        return cursor_reply(namespace, rest, body.get("batchSize"), first=False)
    if command == "killcursors":
        killed = [cursor for cursor in body.get("cursors", []) if STORE.cursors.pop(int(cursor), None)]
        return ok(cursorsKilled=killed, cursorsNotFound=[], cursorsAlive=[], cursorsUnknown=[])
    if command == "insert":
        collection = database[body["insert"]]
        documents = list(body.get("documents", [])) + sequences.get("documents", [])
        inserted, write_errors = 0, []
        for index, document in enumerate(documents):
            try:
                collection.insert_one(document)
                inserted += 1
            except DuplicateKeyError as failure:
                write_errors.append({"index": index, "code": 11000, "errmsg": f"E11000 duplicate key error: {failure}"})
                if body.get("ordered", True):
                    break
        reply = ok(n=inserted)
        if write_errors:
            reply["writeErrors"] = write_errors
        return reply
    if command == "createindexes":
        collection = database[body["createIndexes"]]
        existed = body["createIndexes"] in database.list_collection_names()
        before = len(collection.index_information()) if existed else 0
        for index in body.get("indexes", []):
            options = {"name": index["name"]}
            if index.get("unique"):
                options["unique"] = True
            collection.create_index(list(index["key"].items()), **options)
        return ok(createdCollectionAutomatically=not existed, numIndexesBefore=before,
                  numIndexesAfter=len(collection.index_information()))
    if command == "listindexes":
        collection = database[body["listIndexes"]]
        if body["listIndexes"] not in database.list_collection_names():
            return error(f"ns does not exist: {database.name}.{body['listIndexes']}", 26, "NamespaceNotFound")
        indexes = [{"v": 2, "key": dict(info["key"]), "name": name}
                   for name, info in collection.index_information().items()]
        return cursor_reply(f"{database.name}.{collection.name}", indexes, None)
    if command == "listcollections":
        names = database.list_collection_names()
        if body.get("nameOnly"):
            documents = [{"name": name, "type": "collection"} for name in names]
        else:
            documents = [{"name": name, "type": "collection", "options": {}, "info": {"readOnly": False}}
                         for name in names]
        return cursor_reply(f"{database.name}.$cmd.listCollections", documents, None)
    return error(f"no such command: '{name}'", 59, "CommandNotFound")


def safe_run(body, sequences):
    with STORE.lock:
        try:
            return run_command(body, sequences)
        except Exception as failure:  # a test server answers every failure instead of dropping the socket
            return error(f"{type(failure).__name__}: {failure}", 8000, "TestServerError")


def read_cstring(data, offset):
    end = data.index(b"\x00", offset)
    return data[offset:end].decode(), end + 1


def parse_op_msg(payload):
    flags = struct.unpack_from("<I", payload, 0)[0]
    end = len(payload) - (4 if flags & CHECKSUM_PRESENT else 0)
    offset, body, sequences = 4, None, {}
    while offset < end:
        kind = payload[offset]
        offset += 1
        if kind == 0:
            size = struct.unpack_from("<i", payload, offset)[0]
            body = bson.decode(payload[offset:offset + size], CODEC)
            offset += size
        else:
            size = struct.unpack_from("<i", payload, offset)[0]
            identifier, cursor = read_cstring(payload, offset + 4)
            documents = []
            while cursor < offset + size:
                length = struct.unpack_from("<i", payload, cursor)[0]
                documents.append(bson.decode(payload[cursor:cursor + length], CODEC))
                cursor += length
            sequences[identifier] = documents
            offset += size
    return flags, body, sequences


class Connection(socketserver.BaseRequestHandler):
    def read_exact(self, count):
        chunks = b""
        while len(chunks) < count:
            chunk = self.request.recv(count - len(chunks))
            if not chunk:
                raise ConnectionError("client closed the connection")
            chunks += chunk
        return chunks

    def send(self, reply_id, responding_to, op_code, payload):
        header = struct.pack("<iiii", 16 + len(payload), reply_id, responding_to, op_code)
        self.request.sendall(header + payload)

    def handle(self):
        reply_ids = itertools.count(1)
        try:
            while True:
                header = self.read_exact(16)
                length, request_id, _, op_code = struct.unpack("<iiii", header)
                payload = self.read_exact(length - 16)
                if op_code == OP_MSG:
                    flags, body, sequences = parse_op_msg(payload)
                    reply = safe_run(body, sequences)
                    if flags & MORE_TO_COME:
                        continue
                    self.send(next(reply_ids), request_id, OP_MSG, struct.pack("<I", 0) + b"\x00" + bson.encode(reply))
                elif op_code == OP_QUERY:
                    _, offset = read_cstring(payload, 4)
                    size = struct.unpack_from("<i", payload, offset + 8)[0]
                    query = bson.decode(payload[offset + 8:offset + 8 + size], CODEC)
                    if "$query" in query:
                        query = query["$query"]
                    reply = safe_run(query, {})
                    document = bson.encode(reply)
                    self.send(next(reply_ids), request_id, OP_REPLY, struct.pack("<iqii", 0, 0, 0, 1) + document)
                else:
                    return
        except (ConnectionError, OSError):
            return


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1; 0 picks a free one")
    arguments = parser.parse_args()
    with Server(("127.0.0.1", arguments.port), Connection) as server:
        print(f"listening on 127.0.0.1:{server.server_address[1]}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
