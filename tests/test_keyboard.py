"""Keyboard only: every interactive element can be reached with Tab and shows where the focus is."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VISIBLE_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {tag: el.tagName, text: (el.innerText || el.value || el.getAttribute('aria-label') || '').slice(0, 40),
            visible: outline || shadow, onscreen: box.width > 0 && box.height > 0};
}"""


@pytest.mark.parametrize("path", ["/", "/zoeken/?query=sib", "/en/casussen/"])
def test_tab_reaches_elements_with_a_visible_focus(server, tab, path):
    tab.goto(server.url + path, wait_until="networkidle")
    seen, problems = 0, []
    for _ in range(40):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(VISIBLE_FOCUS)
        if focused is None:
            continue
        seen += 1
        if focused["onscreen"] and not focused["visible"]:
            problems.append(focused)
    assert seen >= 10
    assert not problems, problems[:5]
