"""The case library overview stays scannable: short name cells on a desktop, no page wider
than a phone screen (the table scrolls inside its own region instead)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def open_page(new_context, server, path: str, width: int):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(server.url + path, wait_until="networkidle")
    return page


@pytest.mark.parametrize("path", ["/casussen/", "/en/casussen/"])
def test_every_case_name_takes_at_most_two_lines_at_1280_px(server, new_context, path):
    page = open_page(new_context, server, path, 1280)
    cells = page.locator("table.rw-cases td.rw-case-name")
    assert cells.count() >= 20
    measured = cells.evaluate_all("""cells => cells.map(td => {
        const link = td.querySelector('a');
        const rects = link.getClientRects();          // one rectangle per line of the link text
        const tops = new Set(Array.from(rects, r => Math.round(r.top)));
        return [link.textContent, tops.size];
    })""")
    too_tall = [(name, lines) for name, lines in measured if lines > 2]
    assert not too_tall, too_tall


@pytest.mark.parametrize("path", ["/casussen/", "/en/casussen/"])
def test_the_page_is_no_wider_than_a_390_px_phone(server, new_context, path):
    page = open_page(new_context, server, path, 390)
    overflow = page.evaluate("""() => ({
        page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth,
        body: document.body.scrollWidth})""")
    assert overflow["page"] <= overflow["screen"] and overflow["body"] <= overflow["screen"], overflow
    # the table is still all there: its region scrolls sideways and can be reached by keyboard
    region = page.locator(".rw-table-scroll")
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    # and a word is never broken over lines: no name cell is narrower than its longest word
    broken = page.locator("table.rw-cases td.rw-case-name a").evaluate_all("""links => links.filter(a => {
        const range = document.createRange();
        return Array.from(a.textContent.split(/\\s+/)).some(word => {
            const probe = document.createElement('span');
            probe.textContent = word; probe.style.whiteSpace = 'nowrap';
            a.parentNode.appendChild(probe);
            const wide = probe.getBoundingClientRect().width > a.parentNode.clientWidth;
            probe.remove();
            return wide;
        });
    }).map(a => a.textContent)""")
    assert not broken, broken
