"""Numbers on the calculator page as each language writes them: € 1.200.000,00 and 9,54% in
Dutch, €1,200,000.00 and 9.54% in English."""
from __future__ import annotations


def _grouped(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def money(value: float | None, lang: str, cents: bool = True) -> str:
    if value is None:
        return "–"
    sign = "−" if value < 0 else ""
    amount = _grouped(abs(value), 2 if cents else 0, lang)
    return f"{sign}€ {amount}" if lang == "nl" else f"{sign}€{amount}"


def number(value: float | None, lang: str, decimals: int = 0) -> str:
    if value is None:
        return "–"
    if decimals and float(value).is_integer():
        decimals = 0
    return _grouped(value, decimals, lang).replace("-", "−")


def _trimmed(text: str, lang: str) -> str:
    """Without trailing zeros after the decimal sign (12,50 -> 12,5; 30,0 -> 30)."""
    sign = "," if lang == "nl" else "."
    return text.rstrip("0").rstrip(sign) if sign in text else text


def percent(share: float | None, lang: str, decimals: int = 1) -> str:
    """A share (0.3) as a percentage (30%, 9,54%)."""
    if share is None:
        return "–"
    return _trimmed(number(share * 100, lang, decimals), lang) + "%"


def factor(value: float | None, lang: str) -> str:
    """A multiplier such as 1.2 (1,2) or 0.666667 (0,667)."""
    if value is None:
        return "–"
    return _trimmed(number(value, lang, 3), lang)
