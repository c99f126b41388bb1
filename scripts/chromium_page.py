#!/usr/bin/python3
"""Drives headless Chromium (Debian's /usr/bin/chromium) over the DevTools protocol, for the tests
and measurements of permeq's HTML report. Standard library only: the protocol travels over a pair
of pipes (--remote-debugging-pipe), so no port is opened and no client package is needed.

As a command:  scripts/chromium_page.py load-time REPORT.html [--runs N]
prints one JSON line with the page's size and its load time (navigation start to the report's
first drawing, and wall time to the load event), the median of N fresh page loads.
"""
import base64
import json
import os
import select
import shutil
import statistics
import sys
import tempfile
import time

# Debian's Chromium (scripts/setup.sh installs it); PERMEQ_CHROMIUM names another build.
CHROMIUM = os.environ.get("PERMEQ_CHROMIUM", "/usr/bin/chromium")

# Offline, reproducible, and quiet: no sandbox (the tests run as root), no GPU, no QUIC, no
# first-run dialogs, no background traffic (component updates, sync, safe browsing lists).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


class ProtocolError(RuntimeError):
    pass


class Chromium:
    """One browser with one page. Events are kept in `events` for the caller to inspect."""

    def __init__(self, width=1400, height=900, timeout=60.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="permeq-chromium-")
        self.log_path = os.path.join(self.profile, "chromium.log")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        log_fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        null_fd = os.open(os.devnull, os.O_RDONLY)
        # The browser reads commands on fd 3 and writes replies on fd 4.
        actions = [
            (os.POSIX_SPAWN_DUP2, null_fd, 0),
            (os.POSIX_SPAWN_DUP2, log_fd, 1),
            (os.POSIX_SPAWN_DUP2, log_fd, 2),
            (os.POSIX_SPAWN_DUP2, to_browser_r, 3),
            (os.POSIX_SPAWN_DUP2, from_browser_w, 4),
        ]
        argv = [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"]
        self.pid = os.posix_spawn(CHROMIUM, argv, os.environ, file_actions=actions)
        for fd in (to_browser_r, from_browser_w, log_fd, null_fd):
            os.close(fd)
        self._buffer = b""
        self._next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=None)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=None)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    # -- protocol --------------------------------------------------------------------------
    def _read_message(self, deadline):
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ProtocolError("Chromium did not answer in time; its log:\n" + self.log())
            ready, _, _ = select.select([self._from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise ProtocolError("Chromium closed the DevTools pipe; its log:\n" + self.log())
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session="page"):
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params or {}}
        if session == "page":
            request["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise ProtocolError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for_event(self, method, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = len(self.events)
        for event in self.events[:seen]:
            if event["method"] == method:
                self.events.remove(event)
                self.events.append(event)
                return event
        while True:
            message = self._read_message(deadline)
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    # -- page ------------------------------------------------------------------------------
    def open(self, path, ready_expression="document.body && document.body.getAttribute('data-ready') === 'true'"):
        """Loads a local file and waits for its load event and for `ready_expression`."""
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.call("Page.navigate", {"url": "file://" + os.path.abspath(path)})
        self.wait_for_event("Page.loadEventFired")
        deadline = time.monotonic() + self.timeout
        while not self.evaluate(ready_expression):
            if time.monotonic() > deadline or self.console_errors():
                raise ProtocolError(f"{path}: the page never became ready ({ready_expression}); errors: {self.console_errors()}")
            time.sleep(0.05)

    def click(self, selector):
        """Scrolls the element into view and clicks its centre with real mouse events."""
        box = self.evaluate(
            "(() => { const e = document.querySelector(%s); if (!e) return null; e.scrollIntoView({block: 'center', inline: 'center'});"
            " const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()" % json.dumps(selector))
        if box is None:
            raise ProtocolError(f"no element matches {selector}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})
        return box

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def console_errors(self):
        """Uncaught exceptions, console.error and console.assert calls, and error log entries."""
        errors = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                details = p.get("exceptionDetails", {})
                where = f"{details.get('url', '')}:{details.get('lineNumber', '?')}:{details.get('columnNumber', '?')}"
                errors.append(f"exception at {where}: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                errors.append("console." + p["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                errors.append("log: " + p["entry"].get("text", ""))
        return errors

    def requests(self):
        """URLs the page asked for."""
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def log(self):
        try:
            with open(self.log_path, errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return "(no log)"

    def close(self):
        try:
            self.call("Browser.close", session=None)
        except (ProtocolError, OSError):
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        for fd in (self._to_browser, self._from_browser):
            os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def load_time(path, runs):
    """Median over `runs` fresh browsers: ms from navigation start to the report's first drawing
    (window.permeqRenderedAt), and wall seconds from the navigate command to that point."""
    rendered, wall = [], []
    for _ in range(runs):
        with Chromium() as browser:
            start = time.monotonic()
            browser.open(path)
            wall.append(time.monotonic() - start)
            rendered.append(browser.evaluate("window.permeqRenderedAt"))
            errors = browser.console_errors()
            if errors:
                raise ProtocolError(f"{path}: console errors: {errors}")
    return {"file": path, "bytes": os.path.getsize(path), "runs": runs, "rendered_ms": statistics.median(rendered),
            "wall_seconds": round(statistics.median(wall), 3)}


def main(argv):
    if len(argv) >= 2 and argv[0] == "load-time":
        runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
        print(json.dumps(load_time(argv[1], runs)))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
