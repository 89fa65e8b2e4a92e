"""The text that people type and files carry: the one check (no control characters), and the one escape of it in
Markdown (`md_escape`). Pure Python, no Django.

A control character (C0 but TAB, LF and CR; DEL; C1) is never typed on purpose: it comes from a broken copy and
paste, a damaged file or an attack. PostgreSQL cannot store NUL, terminals obey ESC, and a backspace hides what
precedes it: such text is refused with a French message, never stored. Forms (`mediane/forms.py`), the services'
text checks and the file readers all ask this module; the API's schemas state the same rule as a pattern.
"""

from __future__ import annotations

import re

# Every control character but the three that plain text is made of: tabulation, line feed, carriage return.
CONTROL_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
CONTROL_CHARACTERS = re.compile(f"[{CONTROL_CLASS}]")
# The same rule for a JSON schema (ECMA-262 and Python read it alike): allowed characters, and visible ones.
ALLOWED = f"[^{CONTROL_CLASS}]"
VISIBLE = rf"[^\s{CONTROL_CLASS}]"
NAMES = {
    "\x00": "nul",
    "\x07": "sonnerie",
    "\x08": "retour arrière",
    "\x0b": "tabulation verticale",
    "\x0c": "saut de page",
    "\x1b": "échappement",
    "\x7f": "suppression",
    "\x85": "fin de ligne",
}


def describe(char: str) -> str:
    """« U+001B, échappement »: how a message names an invisible character."""
    name = NAMES.get(char)
    return f"U+{ord(char):04X}, {name}" if name else f"U+{ord(char):04X}"


def find_control_character(text: str) -> str | None:
    """The first control character of `text`, or None."""
    match = CONTROL_CHARACTERS.search(text)
    return match.group() if match else None


def control_character_message(text: str, label: str = "") -> str | None:
    """The French message that refuses `text`, or None when it holds no control character. `label` names the
    field (« Le titre », « Ligne 3, colonne « titre » »); a form leaves it empty, its field already says which."""
    char = find_control_character(text)
    if char is None:
        return None
    message = (
        f"caractère invisible interdit ({describe(char)}), souvent venu d'un copier-coller. "
        "Effacez-le, ou retapez le texte."
    )
    return f"{label} : {message}" if label else message[0].upper() + message[1:]


def text_pattern(min_length: int = 1) -> str:
    """A JSON-schema pattern for text without control characters, at least `min_length` long once stripped of
    white space at both ends (what the services keep): the first and the last visible characters are that far
    apart."""
    if min_length <= 1:
        return f"^{ALLOWED}*{VISIBLE}{ALLOWED}*$"
    return f"^{ALLOWED}*{VISIBLE}{ALLOWED}{{{min_length - 2},}}{VISIBLE}{ALLOWED}*$"


# Markdown's special characters, escaped in any text a person wrote.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    """`text` on one line with Markdown's special characters escaped: a contribution, a label or a sentence read as
    text inside a line or a table cell (the dossier's Markdown and the synthesis's Markdown report)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))
