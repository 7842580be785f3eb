"""Keeps every message the local SMTP server (aiosmtpd, Debian's python3-aiosmtpd) receives, for people and tests
to read: the raw message as <dir>/<n>.eml and its decoded envelope, headers and text as <dir>/<n>.json.

    python3 -m aiosmtpd -n -u -l 127.0.0.1:PORT -c mailbox.JsonMailbox DIR      (with this directory on PYTHONPATH)
"""
import itertools
import json
import os
import threading
import time
from email import message_from_bytes, policy


class JsonMailbox:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self.lock = threading.Lock()
        self.counter = itertools.count(1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("JsonMailbox takes one argument: the directory to keep messages in")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = message_from_bytes(raw, policy=policy.default)
        text = message.get_body(preferencelist=("plain", "html"))
        record = {
            "receivedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "mailFrom": envelope.mail_from,
            "rcptTos": list(envelope.rcpt_tos),
            "from": str(message.get("From", "")),
            "to": str(message.get("To", "")),
            "subject": str(message.get("Subject", "")),
            "messageId": str(message.get("Message-ID", "")),
            "text": text.get_content() if text is not None else "",
        }
        with self.lock:
            name = "%d-%06d" % (time.time_ns(), next(self.counter))
        with open(os.path.join(self.directory, name + ".eml"), "wb") as out:
            out.write(raw)
        # written under a temporary name first: a reader never sees half a message
        tmp = os.path.join(self.directory, name + ".json.tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(tmp, os.path.join(self.directory, name + ".json"))
        return "250 OK"
