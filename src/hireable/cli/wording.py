"""How the terminal says what the services word for any interface.

The services name a field in plain words ("name a posting or a company"), so the dashboard can
show their errors as they are. Where the command's own option is the quickest fix, the CLI says
the option instead: each row is (pattern on the message, replacement, why). All rows apply; a
message no row matches is printed as the service worded it.
"""

from __future__ import annotations

import re

from hireable.core.contact import CONTACT_NAMES
from hireable.core.ideas import FIELDS as IDEA_SCORES

FLAG_WORDING: tuple[tuple[str, str, str], ...] = (
    (r"^name a posting or a company$", "give --posting ID or --company NAME", "track add"),
    (r"has no company name; name the company to track it$",
     "has no company name; add one with --company NAME", "track add --posting"),
    (r"^the artifact needs the URL", "--artifact needs the URL", "idea baseline ID --artifact"),
    (r"needs an artifact URL:", "needs --artifact URL:", "log do --artifact"),
    (r"^a new profile needs a name, a current stage and a target stage$",
     "init needs --name, --stage and --target", "init's options"),
    (r"^max words must be", "--max-words must be", "outreach draft --max-words"),
    (r"more than max words (\d+); raise max words, choose the brief tone or shorten the "
     r"product and what impressed you$",
     r"more than --max-words \1; raise --max-words, use --tone brief or shorten "
     r"--product/--impressed", "outreach draft's options"),
    (r"\(or import your results from a CSV file\)", "(or import your results with --csv FILE)",
     "import kaggle --csv"),
    (r"or import without the token$", "or use --no-token", "import github --no-token"),
    (rf"^({'|'.join(CONTACT_NAMES)}) '", r"--\1 '", "profile set / init: the contact option"),
    *((rf"^{name.replace('_', ' ')} must be a whole number from",
       f"--{name.replace('_', '-')} must be a whole number from", "idea score's options")
      for name in IDEA_SCORES),
)  # fmt: skip
_WORDING = tuple((re.compile(p), new) for p, new, _ in FLAG_WORDING)


def cli_wording(message: str) -> str:
    """`message` with the options of the command that fixes it named."""
    for pattern, new in _WORDING:
        message = pattern.sub(new, message)
    return message
