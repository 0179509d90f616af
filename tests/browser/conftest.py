"""One headless Debian Chromium per test session, driven by Playwright (never downloaded).

Tests that need it are marked ``@pytest.mark.browser``; they are skipped, with the reason,
when Chromium or the Playwright package is missing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's Chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A Chromium browser shared by the whole session."""
    path = chromium_path()
    if path is None:
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class OpenedPage:
    """A page plus everything it did: console errors, requests, dialogs."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser) -> Iterator[Any]:
    """Open a local HTML file in a fresh context; records errors, requests and dialogs.

    Any dialog (alert, confirm, prompt) is dismissed and recorded: a map must never
    open one.
    """
    contexts = []

    def opener(path: Path, *, viewport: tuple[int, int] = (1600, 900), wait_ready: bool = True,
               accept_downloads: bool = False) -> OpenedPage:
        ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  accept_downloads=accept_downloads)
        contexts.append(ctx)
        page = ctx.new_page()
        opened = OpenedPage(page)
        page.on("console", lambda m: opened.errors.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: opened.requests.append(r.url))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(Path(path).resolve().as_uri())
        if wait_ready:
            page.wait_for_function("window.wijkgraphReadyAt !== undefined", timeout=30_000)
        return opened

    yield opener
    for ctx in contexts:
        ctx.close()
