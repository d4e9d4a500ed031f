"""Whether a piece of a "Who is hiring?" header names a place: the tables and the test.

Pure. A header part is a location only when it reads as one ("Berlin, Germany", "NYC or SF",
"Remote (EU)" once the work mode is gone, "UTC-3 to UTC+3"): a team or area word ("Backend,
Infra"), a sentence or a slogan left where a location usually stands is no location.

A text names a place when every piece of it (cut at ",", ";", "/", "or", "and", "&", "+",
" - ", parentheses) does, once filler ("based in", "offices in", "only", "full-time", ...) is
gone, and one piece at least is known. A piece is known when its words are words of the tables'
names (countries, states and provinces, regions, larger cities and their short forms) and not
only generic ones ("New", "City"); when it is a state or province code ("MT") or a time zone or
a range of them; or when it is a proper name followed by a known piece ("Bozeman MT", "Hyderabad
India"). A proper name beside a known piece ("Tuebingen" in "Berlin, Tuebingen") is a place
too: a city the tables lack is still read when it comes with one they have.
"""

from __future__ import annotations

import re

# Countries, and the short forms headers use for them.
COUNTRIES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burkina faso burundi cambodia cameroon canada chad chile china
colombia congo costa rica croatia cuba cyprus czechia czech republic denmark djibouti dominica
dominican republic ecuador egypt el salvador estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras
hong kong hungary iceland india indonesia iran iraq ireland israel italy ivory coast jamaica
japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
mauritania mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar
namibia nepal netherlands the netherlands holland new zealand nicaragua niger nigeria
north macedonia norway oman pakistan panama paraguay peru philippines poland portugal
puerto rico qatar romania russia rwanda saudi arabia senegal serbia singapore slovakia
slovenia somalia south africa south korea korea spain sri lanka sudan suriname sweden
switzerland syria taiwan tajikistan tanzania thailand togo tunisia turkey turkiye uganda
ukraine united arab emirates uae united kingdom uk great britain britain england scotland wales
northern ireland united states usa us u.s. u.s.a. america uruguay uzbekistan venezuela vietnam
yemen zambia zimbabwe
"""
# US states, Canadian provinces, Australian states, and a few other regions inside countries.
STATES = """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada new hampshire new jersey new mexico
new york north carolina north dakota ohio oklahoma oregon pennsylvania rhode island
south carolina south dakota tennessee texas utah vermont virginia washington west virginia
wisconsin wyoming district of columbia washington dc washington d.c. ontario quebec
british columbia alberta manitoba saskatchewan nova scotia new brunswick newfoundland
new south wales victoria queensland tasmania bavaria catalonia lombardy ile-de-france
"""
# Upper-case codes of US states, Canadian provinces and Australian states ("Austin, TX").
CODES = frozenset(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
    NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB MB SK NS NB NL PE
    NSW VIC QLD
    """.split()
)
# Parts of the world a remote role is open to.
REGIONS = """
worldwide global anywhere international earth europe eu european union emea apac asia
asia pacific americas north america south america latin america latam central america
middle east mena africa oceania nordics scandinavia dach benelux baltics balkans
eastern europe western europe central europe southern europe northern europe
east coast west coast us east coast us west coast midwest pacific northwest new england
bay area sf bay area san francisco bay area silicon valley tri-state area southeast asia
"""
# Larger cities and tech hubs, and the short forms headers use for them.
CITIES = """
new york new york city nyc manhattan brooklyn queens san francisco sf sfo la los angeles
seattle boston bos chicago austin denver boulder portland san diego san jose palo alto
mountain view menlo park sunnyvale santa clara redwood city oakland berkeley cupertino
santa monica irvine pasadena sacramento salt lake city phoenix dallas houston san antonio
atlanta miami tampa orlando raleigh durham charlotte nashville pittsburgh philadelphia philly
baltimore washington dc dc arlington reston bethesda new haven cambridge somerville providence
detroit ann arbor columbus cleveland cincinnati minneapolis st. louis st louis kansas city
madison milwaukee indianapolis louisville las vegas albuquerque honolulu anchorage
toronto montreal vancouver ottawa calgary waterloo kitchener edmonton winnipeg halifax
mexico city guadalajara monterrey sao paulo são paulo rio de janeiro buenos aires santiago
bogota bogotá medellin medellín lima montevideo
london manchester edinburgh glasgow bristol oxford cambridge birmingham leeds belfast cardiff
dublin cork paris lyon marseille toulouse nice bordeaux lille nantes grenoble
berlin munich münchen hamburg frankfurt cologne köln stuttgart düsseldorf dusseldorf dresden
leipzig heidelberg karlsruhe tübingen tuebingen
amsterdam rotterdam the hague utrecht eindhoven delft brussels antwerp ghent luxembourg
zurich zürich geneva lausanne basel bern vienna graz prague brno bratislava budapest warsaw
krakow kraków wroclaw wrocław gdansk poznan bucharest cluj sofia belgrade zagreb ljubljana
athens thessaloniki istanbul ankara tel aviv jerusalem haifa
madrid barcelona valencia seville malaga málaga bilbao lisbon porto milan rome turin bologna
florence naples copenhagen aarhus stockholm gothenburg malmö malmo oslo bergen helsinki
espoo tampere reykjavik tallinn riga vilnius kyiv kiev lviv kharkiv minsk moscow
dubai abu dhabi doha riyadh cairo lagos nairobi accra kigali cape town johannesburg
bangalore bengaluru mumbai delhi new delhi gurgaon gurugram noida hyderabad chennai pune
kolkata ahmedabad karachi lahore dhaka colombo kathmandu
singapore kuala lumpur jakarta bangkok ho chi minh city hanoi manila
hong kong shanghai beijing shenzhen hangzhou taipei seoul busan tokyo osaka kyoto
sydney melbourne brisbane perth adelaide canberra auckland wellington christchurch
"""


# Words of place names that name no place alone ("New", "City", "North", "Area").
GENERIC = frozenset(
    """
    new the of de city north south east west central northern southern eastern western united
    states republic coast area valley bay lake park view island islands saint st st. san santa
    los las el rio great district county kingdom union cape costa sri hong
    """.split()
)
KNOWN_WORDS = frozenset((COUNTRIES + STATES + REGIONS + CITIES).split()) | {"orange", "county"}

# A time zone, an offset of one, or a range of them: "CET +/- 2 hours", "UTC-3 to UTC+3",
# "GMT-8 to GMT+1", "EST overlap", "US time zones".
_ZONE = r"(?:utc|gmt|cet|cest|eet|eest|wet|bst|ist|jst|aest|aedt|[ecmp][sd]?t)"
_OFFSET = r"(?:\s*(?:\+/-|±|\+-|[+\-−])\s*\d{1,2}(?::\d\d)?)?"
TIME_ZONE = re.compile(
    rf"^(?:{_ZONE}{_OFFSET}(?:\s*(?:-|–|to)\s*{_ZONE}{_OFFSET})?|(?:us|eu) time ?zones?)"
    r"(?:\s*(?:hours?|hrs?|h))?(?:\s*(?:overlap|time ?zones?|time))?$",
    re.IGNORECASE,
)
# Words around a place that are not of it: "based in", "offices in", "only", "full-time".
_FILLER = re.compile(
    r"\b(?:based|offices?|hq|headquarters|hiring|located|only|preferred|mostly|ideally"
    r"|within|in|near|around|from|at|the|all|full[- ]?time|part[- ]?time|contract|visa"
    r"|friendly|ok|fully|100%|office|no|sponsor(?:ship|s|ed)?|visas?|h-?1b|relocation)\b",
    re.IGNORECASE,
)
# Where a text is cut into pieces, each a place (a time zone is masked first: "UTC-3").
_PIECES = re.compile(r"\s*(?:[,;/()\[\]&+|]|\s-\s|–|—|\bor\b|\band\b)\s*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w.'’-]*$")
_ZONE_IN_TEXT = re.compile(
    rf"\b{_ZONE}{_OFFSET}(?:\s*(?:to|-|–)\s*{_ZONE}{_OFFSET})?(?![\w])", re.IGNORECASE
)


MAX_PLACE_WORDS = 6


def known(piece: str) -> bool:
    """The piece is a place of the tables, a state code, or a time zone: "Bay Area", "MT"."""
    words = piece.split()
    if not words:
        return False
    if len(words) == 1 and words[0] in CODES:
        return True
    if TIME_ZONE.match(piece):
        return True
    lower = [w.lower().strip(".") or w.lower() for w in words]
    return all(w in KNOWN_WORDS or w + "." in KNOWN_WORDS for w in lower) and any(
        w not in GENERIC for w in lower
    )


def _proper(piece: str) -> bool:
    """A capitalised name of at most three words ("Tuebingen", "Fort Worth")."""
    words = piece.split()
    return 0 < len(words) <= 3 and all(_WORD.match(w) and w[0].isupper() for w in words)


def _anchored(piece: str) -> bool:
    """A name with its state, country or region after it: "Bozeman MT", "Hyderabad India"."""
    words = piece.split()
    for cut in range(1, len(words)):
        if _proper(" ".join(words[:cut])) and known(" ".join(words[cut:])):
            return True
    return False


def pieces(text: str) -> list[str]:
    """The text's place pieces, filler gone: "Offices in Missoula and Bozeman, MT" ->
    ["Missoula", "Bozeman", "MT"]."""
    zones: list[str] = []

    def mask(m: re.Match[str]) -> str:
        zones.append(m[0])
        return f" \0{len(zones) - 1}\0 "

    masked = _ZONE_IN_TEXT.sub(mask, text)
    out = []
    for raw in _PIECES.split(masked):
        piece = " ".join(_FILLER.sub(" ", raw).split()).strip(" -–—.:")
        if "\0" in piece:
            piece = _MASKED.sub(lambda m: zones[int(m[1])], piece)
        if piece:
            out.append(piece)
    return out


_MASKED = re.compile(r"\0(\d+)\0")


def is_place(text: str) -> bool:
    """Every piece of the text is a place, and at least one is known (see the module)."""
    found = pieces(text)
    if not found or any(len(p.split()) > MAX_PLACE_WORDS for p in found):
        return False  # ("Eberhard Karls Universität Tübingen" is as long as a place gets)
    anchored = [known(p) or _anchored(p) for p in found]
    return any(anchored) and all(a or _proper(p) for a, p in zip(anchored, found, strict=True))


def place_of(text: str) -> str | None:
    """The place the text names, its pieces joined by ", " ("Remote (US/Canada)" once the
    mode is gone -> "US, Canada"); None when it names none."""
    return ", ".join(pieces(text)) if is_place(text) else None
