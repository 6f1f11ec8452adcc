#!/usr/bin/python3
"""Minimal SMTP sink for tests.

Usage: smtp_sink.py --host 127.0.0.1 --port N --dir DIR

Accepts every message and writes the raw DATA bytes, exactly as received,
to DIR/<unix-ns>-<seq>.eml. Prints "ready" on stdout once listening and
exits with status 0 on SIGTERM or SIGINT.

The shebang points at Debian's /usr/bin/python3 on purpose: python3-aiosmtpd
installs into that interpreter, and a python3 earlier on PATH (pyenv, venv)
usually cannot import it.
"""

import argparse
import asyncio
import itertools
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP


class SaveToDir:
    def __init__(self, directory):
        self.directory = directory
        self.seq = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        # original_content is the undecoded body after dot-unstuffing.
        data = envelope.original_content
        if data is None:
            data = envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        name = f"{time.time_ns()}-{next(self.seq)}"
        # Write to a dot-file first, then rename, so readers polling for
        # *.eml never see a half-written message.
        tmp = os.path.join(self.directory, f".{name}.tmp")
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(self.directory, f"{name}.eml"))
        return "250 Message accepted"


async def serve(args):
    os.makedirs(args.dir, exist_ok=True)
    handler = SaveToDir(args.dir)
    loop = asyncio.get_running_loop()
    # A fixed hostname avoids socket.getfqdn(), which can stall on DNS.
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="smtp-sink.test", enable_SMTPUTF8=True),
        host=args.host,
        port=args.port,
    )
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print("ready", flush=True)
    await stop.wait()
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), timeout=2)
    except asyncio.TimeoutError:
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    try:
        asyncio.run(serve(parser.parse_args()))
    except OSError as e:  # e.g. port already in use
        print(f"smtp_sink: {e}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
