"""The facts of New Europe's article on Abbas's visit to Putin (12 February 2018), as records.

This is the source of the built-in dataset ``abbas-putin-moscow-2018``;
``tasks/build_dataset.py`` turns it into the JSON the package ships.

Conventions:

* Evidence is quoted, never counted: ``ev("…")`` finds the words in the
  article and records their exact offsets.
* What the article states has ``origin=ARTICLE``, evidence, and a verdict
  against the public record. What the article does not state (Netanyahu is
  Israel's prime minister; the envoy is Riyad Mansour; exact dates) is
  enrichment: ``origin=ENRICHMENT`` or a ``record_time``, always with sources
  from the project's reference list, never with evidence.
* Where the article is wrong, its fact stays as written, with a verdict that
  says so; nothing is corrected in place.
* Claims the article reports keep their claimants (``Attribution``); the
  article's own evaluative words are ``Modality.CHARACTERISATION``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import attrs
from textspans import Text

from newsfacts import (
    Article,
    Attribution,
    Entity,
    EntityKind,
    Event,
    EventKind,
    EventStatus,
    Literal,
    Mention,
    Modality,
    MonthPart,
    Origin,
    Participant,
    PloverType,
    Predicate,
    Qualifier,
    QualifierKind,
    Rating,
    Resolution,
    Role,
    Source,
    Span,
    Statement,
    TimePoint,
    TimeSpec,
    Verdict,
)
from newsfacts.dataset import Dataset, Metadata

__all__ = ["DATASET_ID", "build"]

Ev = Callable[..., tuple[Span, ...]]
"""``ev("quote", ("quote", nth), …)``: the spans of quotes (each unique unless an occurrence is given)."""

DATASET_ID = "abbas-putin-moscow-2018"

K = EntityKind
P = Predicate
R = Role
PUBLISHED = TimePoint(2018, 2, 12)
LICENSE = (
    "CC-BY-4.0 for the facts (entities, events, statements, mentions, sources, verdicts and "
    "notes); the article text (article.txt) is New Europe's, shipped unchanged for quotation "
    "and checking and not under this licence; the newsfacts code is MIT"
)

# --- sources -----------------------------------------------------------------
# The public sources of the project's reference list. A title in square
# brackets is a description: the reference list names the page, not its title,
# and no title is made up. Dates are given only where the reference list has them.

SOURCES = (
    # Identifier registries. The reference list verifies the identifiers but
    # gives no page for them, so no URL is given (never a home page).
    Source("wikidata", "Wikidata", None, "Wikimedia Foundation"),
    Source("iso-3166", "ISO 3166-1 country codes", None, "ISO"),
    # The meeting and the visit.
    Source(
        "tass-989502",
        "[TASS report on the Abbas–Putin meeting]",
        "https://tass.com/politics/989502",
        "TASS",
    ),
    Source(
        "tass-989689",
        "Putin and Trump talk over the phone",
        "https://tass.com/politics/989689",
        "TASS",
        "2018-02-12",
    ),
    Source(
        "reuters-putin-trump-phone",
        "Putin discusses Middle East peace process with Trump by phone: agencies",
        "https://in.reuters.com/article/russia-usa-putin-trump/"
        "putin-discusses-middle-east-peace-process-with-trump-by-phone-agencies-idINKBN1FW23B",
        "Reuters",
        "2018-02-12",
    ),
    Source(
        "afp-putin-hosts-abbas",
        "Putin discusses Mideast with Trump, hosts Abbas",
        "http://www.digitaljournal.com/news/world/putin-discusses-mideast-with-trump-hosts-abbas/"
        "article/514672",
        "AFP (via Digital Journal)",
        "2018-02-12",
    ),
    Source(
        "toi-putin-hosts-abbas",
        "Putin discusses Mideast with Trump, hosts Abbas",
        None,
        "The Times of Israel",
    ),
    Source(
        "arab-weekly-abbas-warms",
        "Abbas warms to Moscow amid cold US-Palestinian ties",
        None,
        "The Arab Weekly",
    ),
    Source(
        "ina-241841",
        "[Arutz Sheva report on Abbas's visit to Russia]",
        "https://www.israelnationalnews.com/news/241841",
        "Arutz Sheva",
        "2018-02-12",
    ),
    # Jerusalem.
    Source(
        "proclamation-9683",
        "Presidential Proclamation 9683: Recognizing Jerusalem as the Capital of the State of "
        "Israel and Relocating the United States Embassy to Israel to Jerusalem",
        None,
        "The White House (published in the Federal Register)",
        "2017-12-06",
    ),
    Source(
        "unga-2017-12-21",
        "[UN General Assembly resolution of 21 December 2017 on the status of Jerusalem]",
        None,
        "United Nations",
        "2017-12-21",
    ),
    Source(
        "ecf-jerusalem",
        "[ECF page on Jerusalem's legal status]",
        None,
        "ECF",
    ),
    # Funding.
    Source(
        "bbc-42711985",
        "[BBC News report on US funding to UNRWA]",
        "https://www.bbc.com/news/world-us-canada-42711985",
        "BBC News",
    ),
    Source(
        "voa-trump-davos",
        "[Voice of America report on Trump at Davos]",
        "https://www.voanews.com/a/trump-davos/4224745.html",
        "Voice of America",
    ),
    # The envoy and the African Union.
    Source(
        "parstoday-2018-02-09",
        "[Pars Today report on the Palestinian envoy to the UN]",
        None,
        "Pars Today",
        "2018-02-09",
    ),
    Source(
        "ina-241723",
        "[Israel National News report on the Palestinian envoy to the UN]",
        "https://www.israelnationalnews.com/News/News.aspx/241723",
        "Israel National News",
    ),
    Source(
        "pnn-2018-01-29",
        "[PNN report on Abbas at the African Union]",
        None,
        "PNN",
        "2018-01-29",
    ),
    Source(
        "sudan-tribune-au-30th",
        "[Sudan Tribune report on the 30th African Union summit]",
        None,
        "Sudan Tribune",
    ),
    # Russia, the Soviet Union and Palestine.
    Source(
        "latimes-1988-11-19",
        "Palestine Recognized by Soviets",
        "https://www.latimes.com/archives/la-xpm-1988-11-19-mn-364-story.html",
        "Los Angeles Times",
        "1988-11-19",
    ),
    Source(
        "jta-2017-04-06",
        "Russia recognizes western Jerusalem as Israel's capital, eastern Jerusalem for "
        "Palestinian state",
        "https://jta.org/2017/04/06/israel/"
        "russia-recognizes-western-jerusalem-as-israels-capital-eastern-jerusalem-for-palestinian-state",
        "JTA",
        "2017-04-06",
    ),
    Source(
        "christiantoday-2017-04-07",
        "[Christian Today report on Russia's statement on Jerusalem]",
        "https://www.christiantoday.com/article/"
        "west.jerusalem.recognised.as.israels.capital.by.russia.in.surprise.statement/106971.htm",
        "Christian Today",
        "2017-04-07",
    ),
    Source(
        "soviet-dissolution",
        "Dissolution of the Soviet Union",
        None,
        "[encyclopaedic reference, on Declaration 142-N of 26 December 1991]",
    ),
    Source(
        "usun-p5",
        "[US Mission to the UN page on the Security Council's permanent members]",
        None,
        "US Mission to the United Nations",
    ),
    # 1967 and after.
    Source("bbc-1967-guide", "[BBC News guide to the 1967 war]", None, "BBC News"),
    Source(
        "loc-jordan-arab-legion",
        "Jordan: A Country Study (1989), “The Arab Legion”",
        "http://www.country-data.com/cgi-bin/query/r-7465.html",
        "Library of Congress",
        "1989",
    ),
    Source(
        "wikipedia-gaza-uar",
        "Occupation of the Gaza Strip by the United Arab Republic",
        "https://en.wikipedia.org/wiki/Occupation_of_the_Gaza_Strip_by_the_United_Arab_Republic",
        "Wikipedia",
    ),
    Source(
        "wikipedia-jordanian-annexation",
        "Jordanian annexation of the West Bank",
        "https://en.wikipedia.org/wiki/Jordanian_annexation_of_the_West_Bank",
        "Wikipedia",
    ),
    Source(
        "reagan-library-1982-04-25",
        "[Statement on the completion of Israel's withdrawal from the Sinai]",
        None,
        "Ronald Reagan Presidential Library",
        "1982-04-25",
    ),
    Source("unsc-497", "UN Security Council Resolution 497", None, "United Nations", "1981"),
    Source("bicom-gaza-timeline", "[BICOM timeline of the Gaza disengagement]", None, "BICOM"),
    Source(
        "ocha-area-c",
        "[UN OCHA page on Area C]",
        "https://www.ochaopt.org/location/area-c",
        "UN OCHA",
    ),
    Source("btselem-area-c", "[B'Tselem page on Area C]", None, "B'Tselem"),
    # The Quartet.
    Source(
        "un-quartet-2002-04-10",
        "Press conference by members of the 'Quartet'",
        "https://www.un.org/sg/en/content/sg/press-encounter/2002-04-10/"
        "press-conference-members-quartet",
        "United Nations",
        "2002-04-10",
    ),
    Source(
        "palestine-studies-1652729",
        "[Institute for Palestine Studies chronology entry on the Quartet]",
        "https://www.palestine-studies.org/en/node/1652729",
        "Institute for Palestine Studies",
    ),
    Source(
        "jvl-quartet",
        "[Jewish Virtual Library page on the Quartet]",
        None,
        "Jewish Virtual Library",
    ),
    # Russia's 2016 offer.
    Source(
        "reuters-2016-09-06-no-meeting",
        "Abbas says no meeting with Netanyahu in Moscow planned",
        "https://www.reuters.com/article/us-israel-palestinians-idUSKCN11C16C",
        "Reuters",
        "2016-09-06",
    ),
    Source(
        "jpost-2016-09-06-postponed",
        "Abbas: Meeting with Netanyahu in Moscow postponed",
        "https://www.jpost.com/arab-israeli-conflict/meeting-between-abbas-and-netanyahu-postponed-467024",
        "The Jerusalem Post",
        "2016-09-06",
    ),
    Source(
        "aa-643272",
        "[Anadolu Agency report 643272 on Russia's offer to host talks]",
        None,
        "Anadolu Agency",
    ),
    Source(
        "alarabiya-2016-09-05",
        "[Al Arabiya English report on Netanyahu and the Russian offer]",
        None,
        "Al Arabiya English",
        "2016-09-05",
    ),
    Source(
        "newarab-no-meeting",
        "Abbas says no meeting Netanyahu Moscow planned",
        None,
        "The New Arab",
    ),
)

# --- verdicts ----------------------------------------------------------------


def supported(note: str = "", *sources: str) -> Verdict:
    return Verdict(Rating.SUPPORTED, note, sources)


def simplified(note: str, *sources: str) -> Verdict:
    return Verdict(Rating.SIMPLIFIED, note, sources)


def misleading(note: str, *sources: str) -> Verdict:
    return Verdict(Rating.MISLEADING, note, sources)


def false(note: str, *sources: str) -> Verdict:
    return Verdict(Rating.FALSE, note, sources)


def opinion(note: str, *sources: str) -> Verdict:
    return Verdict(Rating.OPINION, note, sources)


UNCHECKED = Verdict(Rating.UNCHECKED, "Not addressed by the reference sources of this dataset.")

# --- times -------------------------------------------------------------------


def said(
    point: TimePoint, expression: str, resolution: Resolution = Resolution.EXPLICIT
) -> TimeSpec:
    return TimeSpec(point, expression=expression, resolution=resolution)


def record(start: TimePoint, end: TimePoint | None = None, *sources: str) -> TimeSpec:
    return TimeSpec(start, end, resolution=Resolution.RECORD, sources=sources)


def day(year: int, month: int, day_: int) -> TimePoint:
    return TimePoint(year, month, day_)


ON_MONDAY = said(PUBLISHED, "on Monday", Resolution.PUBLICATION)
AS_PUBLISHED = TimeSpec(PUBLISHED, resolution=Resolution.PUBLICATION)
"""Present tense with no time expression: true as of publication."""
BEFORE_PUBLICATION = TimeSpec(None, PUBLISHED, resolution=Resolution.CONTEXT)
"""A past tense with no time expression ("has argued"): some time before publication."""
IN_THE_WAR = TimeSpec(TimePoint(1967), resolution=Resolution.CONTEXT)
"""No time expression of its own: the words tie the fact to the war of 1967."""
BEFORE_THE_WAR = TimeSpec(None, TimePoint(1967), resolution=Resolution.CONTEXT)
"""A state of affairs the words place at the war of 1967; its start is not given."""
DECEMBER = said(TimePoint(2017, 12), "December", Resolution.PUBLICATION)
IN_1967 = said(TimePoint(1967), "in 1967")
BY_END_OF_WAR = said(TimePoint(1967), "By the end of the brief war", Resolution.CONTEXT)
END_OF_THE_WAR = day(1967, 6, 10)
LATER = TimeSpec(
    END_OF_THE_WAR,
    PUBLISHED,
    expression="later",
    resolution=Resolution.CONTEXT,
    once=True,
    bound_sources=("bbc-1967-guide",),
)
"""Once, at an unknown moment after the war that ended on 10 June 1967 and before the article."""
TRUMP_TOOK_OFFICE = day(2017, 1, 20)
UNDER_TRUMP = TimeSpec(
    None,
    PUBLISHED,
    resolution=Resolution.CONTEXT,
    not_before=TRUMP_TOOK_OFFICE,
    bound_sources=("wikidata",),
)
"""Before publication, start unknown, but not before the Trump administration existed."""
SINCE_1967 = TimeSpec(TimePoint(1967), PUBLISHED, resolution=Resolution.CONTEXT)
LONG = TimeSpec(None, PUBLISHED, expression="long", resolution=Resolution.CONTEXT)
SINCE_2002 = TimeSpec(TimePoint(2002), PUBLISHED, resolution=Resolution.CONTEXT)
"""From the Quartet's founding ("Established … in 2002") to publication; no words of its own."""
WAR_1967 = record(day(1967, 6, 5), day(1967, 6, 10), "bbc-1967-guide")


def build(text: Text) -> Dataset:
    """The dataset, with every span found in ``text``."""

    def ev(*quotes: str | tuple[str, int]) -> tuple[Span, ...]:
        spans = []
        for quote in quotes:
            if isinstance(quote, tuple):
                spans.append(text.span(*quote))
            else:
                spans.append(text.unique(quote))
        return tuple(spans)

    article = Article(
        id="abbas-visits-putin-jerusalem-talks",
        text=text.text,
        sha256=hashlib.sha256(text.text.encode("utf-8")).hexdigest(),
        sentences=text.sentences(),
        publisher="New Europe",
        published=record(
            PUBLISHED, None, "tass-989502", "arab-weekly-abbas-warms", "toi-putin-hosts-abbas"
        ),
        title=None,
        url="https://www.neweurope.eu/article/abbas-visits-putin-jerusalem-talks/",
        language="en",
    )
    metadata = Metadata(
        id=DATASET_ID,
        title="Abbas visits Putin in Moscow: the facts of a New Europe article (12 February 2018)",
        description=(
            "Who met whom, where and when, who claims what, and how each claim stands against "
            "the public record, from New Europe's article on Mahmoud Abbas's visit to Vladimir "
            "Putin in Moscow on Monday 12 February 2018. The article carries no date, author or "
            "title in the text; its content dates it to 12 February 2018."
        ),
        license=LICENSE,
        version="2.0.0",
        homepage="https://www.neweurope.eu/article/abbas-visits-putin-jerusalem-talks/",
    )
    return Dataset(
        metadata,
        article,
        _entities(),
        _events(ev),
        _statements(ev),
        _mentions(text),
        SOURCES,
    )


# --- entities ----------------------------------------------------------------

WD = ("wikidata",)
WD_ISO = ("wikidata", "iso-3166")


def _entities() -> tuple[Entity, ...]:
    def state(
        id: str, name: str, qid: str, a2: str, a3: str, *aliases: str, description: str = ""
    ) -> Entity:
        return Entity(id, K.STATE, name, aliases, description, qid, a2, a3, sources=WD_ISO)

    return (
        Entity(
            "mahmoud-abbas",
            K.PERSON,
            "Mahmoud Abbas",
            ("Abbas", "Abu Mazen"),
            "President of the Palestinian (National) Authority.",
            "Q127998",
            sources=WD,
        ),
        Entity(
            "vladimir-putin",
            K.PERSON,
            "Vladimir Putin",
            ("Putin", "Vladimir Vladimirovich Putin"),
            "President of Russia.",
            "Q7747",
            sources=WD,
        ),
        Entity(
            "donald-trump",
            K.PERSON,
            "Donald Trump",
            ("Trump", "Donald J. Trump"),
            "President of the United States from 2017.",
            "Q22686",
            sources=WD,
        ),
        Entity(
            "benjamin-netanyahu",
            K.PERSON,
            "Benjamin Netanyahu",
            ("Netanyahu", "Bibi"),
            "Prime Minister of Israel at the time of the article.",
            "Q43723",
            sources=WD,
        ),
        Entity(
            "riyad-mansour",
            K.PERSON,
            "Riyad Mansour",
            (),
            "The Palestinian envoy to the United Nations in February 2018. The article does not "
            "name him; the identification is the record's.",
            sources=("parstoday-2018-02-09", "ina-241723"),
        ),
        Entity(
            "palestinian-envoy-to-the-un",
            K.OFFICE,
            "Palestinian envoy to the United Nations",
            ("Palestinian envoy to the UN",),
            "The Palestinians' envoy at the United Nations.",
        ),
        Entity(
            "president-of-the-palestinian-authority",
            K.OFFICE,
            "President of the Palestinian National Authority",
            (
                "Palestinian Authority President",
                "President of the Palestinian Authority",
                "PA President",
            ),
            "The head of the Palestinian (National) Authority.",
        ),
        Entity(
            "president-of-russia",
            K.OFFICE,
            "President of Russia",
            ("Russian President",),
            "Russia's head of state.",
        ),
        Entity(
            "president-of-the-united-states",
            K.OFFICE,
            "President of the United States",
            ("US President", "American President"),
            "The United States' head of state and government.",
            origin=Origin.ENRICHMENT,
            sources=("proclamation-9683",),
        ),
        Entity(
            "prime-minister-of-israel",
            K.OFFICE,
            "Prime Minister of Israel",
            ("Israeli Prime Minister",),
            "Israel's head of government.",
            origin=Origin.ENRICHMENT,
            sources=("alarabiya-2016-09-05", "newarab-no-meeting"),
        ),
        state("russia", "Russia", "Q159", "RU", "RUS", "Russian Federation"),
        state(
            "united-states",
            "United States",
            "Q30",
            "US",
            "USA",
            "U.S.",
            "United States of America",
            "America",
        ),
        state("israel", "Israel", "Q801", "IL", "ISR", "State of Israel"),
        state("state-of-palestine", "State of Palestine", "Q219060", "PS", "PSE", "Palestine"),
        state(
            "jordan",
            "Jordan",
            "Q810",
            "JO",
            "JOR",
            "Kingdom of Jordan",
            "Hashemite Kingdom of Jordan",
        ),
        state("egypt", "Egypt", "Q79", "EG", "EGY", "Arab Republic of Egypt"),
        state("syria", "Syria", "Q858", "SY", "SYR", "Syrian Arab Republic"),
        state("china", "China", "Q148", "CN", "CHN", "People's Republic of China", "PRC"),
        state(
            "ethiopia", "Ethiopia", "Q115", "ET", "ETH", "Federal Democratic Republic of Ethiopia"
        ),
        Entity(
            "soviet-union",
            K.STATE,
            "Soviet Union",
            ("USSR", "Union of Soviet Socialist Republics", "Soviet"),
            "Dissolved in December 1991; Russia holds its seat on the UN Security Council.",
            "Q15180",
            dissolved=record(day(1991, 12, 26), None, "soviet-dissolution"),
            sources=("wikidata", "soviet-dissolution", "usun-p5"),
        ),
        Entity(
            "france",
            K.STATE,
            "France",
            ("French Republic",),
            "A permanent member of the UN Security Council.",
            origin=Origin.ENRICHMENT,
            sources=("usun-p5",),
        ),
        Entity(
            "united-kingdom",
            K.STATE,
            "United Kingdom",
            ("UK", "Britain", "Great Britain"),
            "A permanent member of the UN Security Council.",
            origin=Origin.ENRICHMENT,
            sources=("usun-p5",),
        ),
        Entity(
            "palestinian-authority",
            K.GOVERNMENT_BODY,
            "Palestinian National Authority",
            ("Palestinian Authority", "PA", "PNA"),
            "The Palestinian self-government body.",
            "Q42620",
            sources=WD,
        ),
        Entity(
            "trump-administration",
            K.GOVERNMENT_BODY,
            "Trump administration",
            (),
            "The executive branch of the United States government under Donald Trump, from "
            "20 January 2017.",
            inception=record(TRUMP_TOOK_OFFICE, None, "wikidata"),
            sources=("wikidata",),
        ),
        Entity(
            "united-nations",
            K.ORGANIZATION,
            "United Nations",
            ("UN", "U.N."),
            "",
            "Q1065",
            sources=WD,
        ),
        Entity(
            "un-security-council",
            K.AGENCY,
            "United Nations Security Council",
            ("UN Security Council", "UNSC", "Security Council"),
            "Its five permanent members are China, France, Russia, the United Kingdom and the United States.",
            "Q37470",
            sources=("wikidata", "usun-p5"),
        ),
        Entity(
            "unrwa",
            K.AGENCY,
            "UNRWA",
            (
                "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
                "United Nations Relief and Works Agency for Palestinian Refugees",
                "United Nations Relief and Works Agency",
            ),
            "The UN agency for Palestine refugees; the article's long form of its name is not the official one.",
            "Q846656",
            sources=WD,
        ),
        Entity("european-union", K.ORGANIZATION, "European Union", ("EU",), "", "Q458", sources=WD),
        Entity("african-union", K.ORGANIZATION, "African Union", ("AU",), "", "Q7159", sources=WD),
        Entity(
            "arab-league",
            K.ORGANIZATION,
            "Arab League",
            ("League of Arab States",),
            "",
            "Q7172",
            sources=WD,
        ),
        Entity(
            "quartet",
            K.ORGANIZATION,
            "Quartet on the Middle East",
            (
                "Middle East Quartet",
                "Mideast Quartet",
                "Quartet",
                "Mideast Quartet for peace",
                "Madrid Quartet",
            ),
            "The United Nations, the United States, the European Union and Russia; first met in Madrid in 2002.",
            inception=record(
                day(2002, 4, 10), None, "un-quartet-2002-04-10", "palestine-studies-1652729"
            ),
            sources=("un-quartet-2002-04-10", "palestine-studies-1652729", "jvl-quartet"),
        ),
        Entity("jerusalem", K.CITY, "Jerusalem", ("Al-Quds",), "", "Q1218", sources=WD),
        Entity(
            "east-jerusalem",
            K.TERRITORY,
            "East Jerusalem",
            (),
            "The part of Jerusalem annexed by Jordan in 1950 and taken by Israel on 7 June 1967.",
            sources=("wikipedia-jordanian-annexation", "bbc-1967-guide"),
        ),
        Entity(
            "old-city-of-jerusalem",
            K.TERRITORY,
            "Old City of Jerusalem",
            ("Old City",),
            "The historic core of Jerusalem, in East Jerusalem; taken by Israel on 7 June 1967.",
            sources=("bbc-1967-guide",),
        ),
        Entity("moscow", K.CITY, "Moscow", (), "The capital of Russia.", "Q649", sources=WD),
        Entity(
            "moscow-kremlin",
            K.BUILDING,
            "Moscow Kremlin",
            ("Kremlin", "the Kremlin"),
            "The seat of the Russian president, where Putin received Abbas.",
            origin=Origin.ENRICHMENT,
            sources=("tass-989502",),
        ),
        Entity(
            "addis-ababa",
            K.CITY,
            "Addis Ababa",
            ("Addis",),
            "The capital of Ethiopia.",
            "Q3624",
            sources=WD,
        ),
        Entity("madrid", K.CITY, "Madrid", (), "", "Q2807", sources=WD),
        Entity(
            "tel-aviv",
            K.CITY,
            "Tel Aviv",
            ("Tel Aviv-Yafo",),
            "A city of Israel; Israel's government sits in Jerusalem.",
            "Q33935",
            sources=WD,
        ),
        Entity(
            "washington-dc",
            K.CITY,
            "Washington, D.C.",
            ("Washington",),
            "The capital of the United States.",
        ),
        Entity(
            "sinai-peninsula", K.TERRITORY, "Sinai Peninsula", ("Sinai",), "", "Q36755", sources=WD
        ),
        Entity("gaza-strip", K.TERRITORY, "Gaza Strip", ("Gaza",), "", "Q39760", sources=WD),
        Entity("golan-heights", K.TERRITORY, "Golan Heights", ("Golan",), "", "Q83210", sources=WD),
        Entity(
            "west-bank", K.TERRITORY, "West Bank", ("Judea and Samaria",), "", "Q36678", sources=WD
        ),
        Entity(
            "middle-east",
            K.REGION,
            "Middle East",
            ("Mideast", "Near East"),
            "",
            "Q7204",
            sources=WD,
        ),
        Entity(
            "palestinians", K.GROUP, "Palestinians", ("Palestinian people", "the Palestinians"), ""
        ),
        Entity(
            "arabs",
            K.GROUP,
            "Arabs",
            ("the Arabs",),
            "In the article, the Arab states defeated in the Six-Day War: Egypt, Syria and Jordan.",
        ),
        Entity(
            "african-states",
            K.GROUP,
            "African states",
            ("African countries",),
            "The states of Africa, members of the African Union.",
        ),
        Entity(
            "israeli-palestinian-peace-process",
            K.TOPIC,
            "Israeli–Palestinian peace process",
            (
                "Middle East peace process",
                "Israeli-Palestinian peace talks",
                "peace process",
                "peace talks",
            ),
            "The negotiations between Israel and the Palestinians.",
        ),
        Entity(
            "israeli-palestinian-conflict",
            K.TOPIC,
            "Israeli–Palestinian conflict",
            (),
            "",
            "Q151622",
            sources=WD,
        ),
        Entity("international-law", K.TOPIC, "International law", (), ""),
        Entity(
            "international-peace-effort",
            K.TOPIC,
            "International effort involving the United Nations in peace negotiations",
            ("international effort", "international peace effort"),
            "A multilateral framework for Israeli–Palestinian negotiations with a role for the UN.",
        ),
    )


# --- mentions ----------------------------------------------------------------


def _mentions(text: Text) -> tuple[Mention, ...]:
    mentions: list[Mention] = []

    def every(target: str, quote: str, *, outside: tuple[str, ...] = ()) -> None:
        """Every whole-word occurrence of ``quote``, except inside the longer ``outside`` quotes."""
        excluded = [span for longer in outside for span in text.all(longer)]
        for span in text.all(quote):
            if not any(longer.covers(span) for longer in excluded):
                mentions.append(Mention(span, target))

    def one(target: str | tuple[str, ...], quote: str, nth: int = 1, **kwargs: object) -> None:
        """The ``nth`` whole-word occurrence of ``quote`` ("it" is not the "it" of "Authority")."""
        mentions.append(Mention(text.all(quote)[nth - 1], target, **kwargs))  # type: ignore[arg-type]

    one("president-of-the-palestinian-authority", "Palestinian Authority President")
    every("palestinian-authority", "Palestinian Authority")
    every("palestinian-authority", "PA")
    every("mahmoud-abbas", "Mahmoud Abbas")
    every("mahmoud-abbas", "Abbas", outside=("Mahmoud Abbas",))
    one("moscow", "Moscow", 1)
    one(
        "russia",
        "Moscow",
        2,
        metonymy=True,
        literal="moscow",
        note="The capital names the Russian state that made the offer.",
    )
    one("president-of-russia", "Russian President")
    every("russia", "Russian")
    every("russia", "Russia")
    every("vladimir-putin", "Vladimir Putin")
    every("vladimir-putin", "Putin", outside=("Vladimir Putin",))
    every("united-states", "US")
    every("united-states", "United States")
    one(
        "united-states",
        "Washington",
        metonymy=True,
        literal="washington-dc",
        note="The capital names the United States government.",
    )
    every("middle-east", "Middle East")
    every("israeli-palestinian-peace-process", "Middle East peace process")
    every("israeli-palestinian-peace-process", "Israeli-Palestinian peace talks")
    one("israeli-palestinian-peace-process", "any peace process")
    one("israeli-palestinian-peace-process", "peace negotiations")
    one("israeli-palestinian-peace-process", "peace processes on the Israeli-Palestinian conflict")
    every("donald-trump", "Donald Trump")
    every("donald-trump", "Trump", outside=("Donald Trump", "Trump administration"))
    one("trump-administration", "the Trump administration")
    one("international-law", "international law")
    one("trump-administration", "its", 1)  # its “bias”
    one("state-of-palestine", "its", 2)  # its capital
    one("international-peace-effort", "it")  # it would be biased
    # Words that refer to several things at once.
    one(("israel", "palestinians"), "the two sides")  # the sides of the peace talks
    one(("israel", "united-states"), "They")  # They have insisted
    one(("israel", "palestinians"), "the parties")  # direct talks between the parties
    one(("mahmoud-abbas", "benjamin-netanyahu"), "both sides")  # of the 2016 offer
    every("jerusalem", "Jerusalem", outside=("East Jerusalem",))
    every("israel", "Israel")
    every("israel", "Israeli", outside=("Israeli-Palestinian",))
    one(
        "israel",
        "Tel Aviv",
        metonymy=True,
        literal="tel-aviv",
        note="Names Israel's government by a city; the government sits in Jerusalem.",
    )
    every("palestinians", "Palestinians")
    every("unrwa", "United Nations Relief and Works Agency for Palestinian Refugees")
    every("unrwa", "UNRWA")
    every("soviet-union", "Soviet")
    every("un-security-council", "United Nations Security Council")
    every("united-nations", "UN")
    one("united-nations", "United Nations", 3)
    one("state-of-palestine", "Palestine")
    every("east-jerusalem", "East Jerusalem")
    every("jordan", "Jordan", outside=("Kingdom of Jordan",))
    every("jordan", "Kingdom of Jordan")
    every("arabs", "the Arabs")
    every("egypt", "Egypt")
    every("syria", "Syria")
    every("sinai-peninsula", "Sinai Peninsula")
    one("sinai-peninsula", "the Sinai")
    every("gaza-strip", "Gaza Strip")
    one("gaza-strip", "Gaza", 2)
    every("golan-heights", "Golan Heights")
    one("golan-heights", "the Golan")
    every("west-bank", "West Bank")
    one("old-city-of-jerusalem", "Old City")
    every("quartet", "Mideast Quartet for peace")
    one("quartet", "the group")
    every("madrid", "Madrid")
    every("european-union", "EU")
    one(
        "riyad-mansour",
        "The Palestinian envoy to the UN",
        note="The article does not name the envoy; the record does (sources of riyad-mansour-envoy).",
    )
    one("palestinian-envoy-to-the-un", "Palestinian envoy to the UN")
    every("china", "China")
    every("arab-league", "Arab League")
    every("israeli-palestinian-conflict", "Israeli-Palestinian conflict")
    every("african-union", "African Union")
    every("ethiopia", "Ethiopia")
    every("addis-ababa", "Addis Ababa")
    every("african-states", "African states")
    every("benjamin-netanyahu", "Netanyahu")
    one(
        "international-peace-effort",
        "an international effort involving the United Nations in peace negotiations",
    )
    # Events named in the text.
    one("meeting-abbas-putin-2018", "The meeting")
    one(
        "us-recognition-of-jerusalem-2017",
        "Trump's December recognition of Jerusalem as Israel's capital",
    )
    one("us-recognition-of-jerusalem-2017", "Trump's decision")
    one("dissolution-of-the-soviet-union", "1991 Soviet collapse")
    one("israeli-rout-of-arab-armies-1967", "the Arabs' crushing defeat in the Six-Day War")
    one("six-day-war", "Six-Day War")
    one("six-day-war", "the brief war")
    one("talks-abbas-netanyahu-moscow", "one-on-one talks between Abbas and Netanyahu")
    one("reception-of-the-2016-offer", "a cool reception from both sides")
    one(("trump-threat-to-cut-pa-funding", "trump-threat-to-cut-unrwa-funding"), "Trump's threats")
    return tuple(mentions)


# --- events ------------------------------------------------------------------


def _events(ev: Ev) -> tuple[Event, ...]:
    meeting_record = record(PUBLISHED, None, "tass-989502", "toi-putin-hosts-abbas")
    return (
        Event(
            "abbas-visit-to-moscow-2018",
            EventKind.VISIT,
            "Mahmoud Abbas visits Moscow",
            (Participant("mahmoud-abbas", R.AGENT), Participant("russia", R.HOST)),
            place="moscow",
            time=ON_MONDAY,
            status=EventStatus.ONGOING,
            evidence=ev("Palestinian Authority President Mahmoud Abbas is in Moscow on Monday"),
            verdict=supported(
                "Abbas was in Moscow on Monday 12 February 2018; the visit had been moved from Sochi "
                "after the Saratov Airlines crash of 11 February.",
                "tass-989502",
                "toi-putin-hosts-abbas",
                "ina-241841",
            ),
            cameo="042",
            plover=PloverType.CONSULT,
            record_time=meeting_record,
        ),
        Event(
            "meeting-abbas-putin-2018",
            EventKind.MEETING,
            "Vladimir Putin meets Mahmoud Abbas in Moscow",
            (
                Participant("vladimir-putin", R.HOST),
                Participant("mahmoud-abbas", R.ATTENDEE),
                Participant("israeli-palestinian-peace-process", R.TOPIC),
            ),
            place="moscow",
            time=ON_MONDAY,
            status=EventStatus.SCHEDULED,
            evidence=ev(
                "is in Moscow on Monday to meet with Russian President Vladimir Putin",
                "The meeting comes amid ongoing tensions",
            ),
            modality=Modality.PLANNED,
            verdict=supported(
                "Putin received Abbas in the Kremlin on the evening of Monday 12 February 2018.",
                "tass-989502",
                "tass-989689",
                "afp-putin-hosts-abbas",
            ),
            cameo="043",
            plover=PloverType.CONSULT,
            record_time=meeting_record,
            record_place="moscow-kremlin",
        ),
        Event(
            "discussion-abbas-putin-2018",
            EventKind.DISCUSSION,
            "Vladimir Putin and Mahmoud Abbas are to discuss the future of the peace talks and a "
            "mechanism in which the United States would no longer be the primary mediator",
            (
                Participant("vladimir-putin", R.AGENT),
                Participant("mahmoud-abbas", R.AGENT),
                Participant("israeli-palestinian-peace-process", R.TOPIC),
                Participant("united-states", R.TOPIC),
            ),
            place="moscow",
            time=TimeSpec(PUBLISHED, resolution=Resolution.CONTEXT),
            status=EventStatus.SCHEDULED,
            evidence=ev(
                "Putin and Abbas will discuss the future of the Israeli-Palestinian peace talks and the "
                "prospect of finding a mechanism in which the United States would no longer serve as the "
                "primary mediator between the two sides"
            ),
            modality=Modality.PLANNED,
            verdict=supported(
                "At the meeting Abbas said the Palestinians could not accept the United States as the "
                "sole mediator and asked that it be “not the only mediator, but just one of the "
                "mediators”.",
                "reuters-putin-trump-phone",
                "afp-putin-hosts-abbas",
            ),
            cameo="040",
            plover=PloverType.CONSULT,
            part_of="meeting-abbas-putin-2018",
            record_time=meeting_record,
        ),
        Event(
            "us-recognition-of-jerusalem-2017",
            EventKind.RECOGNITION,
            "Donald Trump unilaterally recognises Jerusalem as Israel's capital",
            (
                Participant("donald-trump", R.AGENT),
                Participant("jerusalem", R.TOPIC),
                Participant("israel", R.BENEFICIARY),
            ),
            time=DECEMBER,
            evidence=ev(
                "Donald Trump's decision to circumvent international law and unilaterally recognise "
                "Jerusalem as Israel's capital",
                "Trump's December recognition of Jerusalem as Israel's capital",
            ),
            verdict=supported(
                "The White House proclamation is dated Wednesday 6 December 2017.",
                "proclamation-9683",
            ),
            cameo="054",
            plover=PloverType.SUPPORT,
            wikidata="Q45266620",
            aliases=(
                "US recognition of Jerusalem as capital of Israel",
                "Jerusalem Embassy decision",
            ),
            record_time=record(day(2017, 12, 6), None, "proclamation-9683"),
        ),
        Event(
            "pa-argument-against-us-brokerage",
            EventKind.ARGUMENT,
            "The Palestinian Authority argues that the Trump administration is no longer qualified "
            "to be an honest broker",
            (
                Participant("palestinian-authority", R.AGENT),
                Participant("trump-administration", R.TARGET),
            ),
            time=UNDER_TRUMP,
            evidence=ev(
                "The PA has argued that the Trump administration was no longer qualified to play the role "
                "of honest broker in any peace process due to its “bias” in favour of Israel"
            ),
            verdict=supported(
                "The PA's stance is on record: Abbas, its president, called on 28 January 2018 for a "
                "multilateral mechanism under the UN, and in Moscow refused cooperation with the United "
                "States “as a mediator” and said the Palestinians could not accept it as the sole mediator.",
                "pnn-2018-01-29",
                "afp-putin-hosts-abbas",
                "reuters-putin-trump-phone",
            ),
            cameo="111",
            plover=PloverType.ACCUSE,
        ),
        Event(
            "trump-threat-to-cut-pa-funding",
            EventKind.THREAT,
            "Donald Trump threatens to cut funding to the Palestinian Authority",
            (
                Participant("donald-trump", R.AGENT),
                Participant("palestinian-authority", R.TARGET),
            ),
            time=TimeSpec(
                None,
                PUBLISHED,
                resolution=Resolution.CONTEXT,
                not_before=day(2018, 1, 2),
                bound_sources=("bbc-42711985",),
            ),
            evidence=ev("Trump's threats to cut funding to the PA"),
            verdict=simplified(
                "Trump's posts of 2 January 2018 and his words at Davos on 25 January threatened payments "
                "to “the Palestinians”, not to the PA by name.",
                "bbc-42711985",
                "voa-trump-davos",
            ),
            cameo="1311",
            plover=PloverType.THREATEN,
            record_time=record(
                day(2018, 1, 2), day(2018, 1, 25), "bbc-42711985", "voa-trump-davos"
            ),
        ),
        Event(
            "trump-threat-to-cut-unrwa-funding",
            EventKind.THREAT,
            "Donald Trump threatens to cut funding to UNRWA",
            (Participant("donald-trump", R.AGENT), Participant("unrwa", R.TARGET)),
            time=TimeSpec(
                None,
                PUBLISHED,
                resolution=Resolution.CONTEXT,
                not_before=day(2018, 1, 2),
                bound_sources=("bbc-42711985",),
            ),
            evidence=ev(
                "Trump's threats to cut funding to the PA and the United Nations Relief and Works Agency "
                "for Palestinian Refugees (UNRWA)"
            ),
            verdict=simplified(
                "On 2 January 2018 the US ambassador to the UN said UNRWA funding would stop, and on "
                "16 January the State Department withheld $65M of a $125M tranche: the cut was made, "
                "not only threatened, and not by Trump's words alone.",
                "bbc-42711985",
            ),
            cameo="1311",
            plover=PloverType.THREATEN,
            record_time=record(day(2018, 1, 2), day(2018, 1, 16), "bbc-42711985"),
        ),
        Event(
            "dissolution-of-the-soviet-union",
            EventKind.DISSOLUTION,
            "The Soviet Union collapses",
            (Participant("soviet-union", R.TOPIC),),
            time=said(TimePoint(1991), "1991"),
            evidence=ev("in the wake of the 1991 Soviet collapse"),
            verdict=supported(
                "Declaration 142-N dissolved the Soviet Union on 26 December 1991.",
                "soviet-dissolution",
            ),
            wikidata="Q5167679",
            aliases=(
                "Dissolution of the Soviet Union",
                "Soviet collapse",
                "collapse of the Soviet Union",
                "breakup of the Soviet Union",
            ),
            record_time=record(day(1991, 12, 26), None, "soviet-dissolution"),
        ),
        Event(
            "six-day-war",
            EventKind.WAR,
            "Israel defeats Egypt, Syria and Jordan in the Six-Day War",
            (
                Participant("israel", R.VICTOR),
                Participant("egypt", R.DEFEATED),
                Participant("syria", R.DEFEATED),
                Participant("jordan", R.DEFEATED),
            ),
            time=IN_THE_WAR,
            evidence=ev(
                "following the Arabs' crushing defeat in the Six-Day War",
                "By the end of the brief war",
            ),
            verdict=supported("The war lasted from 5 to 10 June 1967.", "bbc-1967-guide"),
            cameo="190",
            plover=PloverType.ASSAULT,
            wikidata="Q49077",
            aliases=(
                "Six-Day War",
                "1967 war",
                "June War",
                "1967 Arab-Israeli War",
                "Third Arab-Israeli War",
            ),
            record_time=WAR_1967,
        ),
        Event(
            "israeli-rout-of-arab-armies-1967",
            EventKind.DEFEAT,
            "Israel routs the armies of Egypt, Syria and Jordan",
            (
                Participant("israel", R.VICTOR),
                Participant("arabs", R.DEFEATED),
                Participant("egypt", R.DEFEATED),
                Participant("syria", R.DEFEATED),
                Participant("jordan", R.DEFEATED),
            ),
            time=IN_THE_WAR,
            evidence=ev(
                "the Arabs' crushing defeat in the Six-Day War that saw Israel rout the combined "
                "Soviet-supplied armies of Egypt, Syria, and Jordan"
            ),
            verdict=supported(
                "Israel defeated the three armies between 5 and 10 June 1967.", "bbc-1967-guide"
            ),
            cameo="190",
            plover=PloverType.ASSAULT,
            part_of="six-day-war",
            record_time=WAR_1967,
        ),
        Event(
            "capture-of-east-jerusalem-1967",
            EventKind.CAPTURE,
            "Israel captures East Jerusalem from Jordan",
            (
                Participant("israel", R.AGENT),
                Participant("east-jerusalem", R.TERRITORY),
                Participant("jordan", R.FROM),
            ),
            place="east-jerusalem",
            time=IN_1967,
            evidence=ev(
                "Israel captured East Jerusalem from Jordan in 1967 following the Arabs' crushing defeat",
                "as well as the West Bank and East Jerusalem",
            ),
            verdict=simplified(
                "East Jerusalem and the Old City were taken during the war, on 7 June 1967, not after the defeat.",
                "bbc-1967-guide",
            ),
            cameo="192",
            plover=PloverType.COERCE,
            part_of="six-day-war",
            record_time=record(day(1967, 6, 7), None, "bbc-1967-guide"),
        ),
        *(
            Event(
                f"occupation-of-{territory}-1967",
                EventKind.OCCUPATION,
                f"Israel occupies the {name}",
                (
                    Participant("israel", R.AGENT),
                    Participant(territory, R.TERRITORY),
                    Participant(holder, R.FROM),
                ),
                place=territory,
                time=BY_END_OF_WAR,
                evidence=ev("By the end of the brief war, Israel had occupied", quote),
                verdict=supported(
                    f"Israel took the {name} during the war of 5–10 June 1967.", "bbc-1967-guide"
                ),
                cameo="192",
                plover=PloverType.COERCE,
                part_of="six-day-war",
                record_time=WAR_1967,
            )
            for territory, name, holder, quote in (
                ("sinai-peninsula", "Sinai Peninsula", "egypt", "Egypt's Sinai Peninsula"),
                ("gaza-strip", "Gaza Strip", "egypt", "Sinai Peninsula and Gaza Strip"),
                ("golan-heights", "Golan Heights", "syria", "Syria's strategic Golan Heights"),
                ("west-bank", "West Bank", "jordan", "as well as the West Bank"),
            )
        ),
        Event(
            "withdrawal-from-sinai",
            EventKind.WITHDRAWAL,
            "Israel withdraws from the Sinai Peninsula",
            (Participant("israel", R.AGENT), Participant("sinai-peninsula", R.TERRITORY)),
            place="sinai-peninsula",
            time=LATER,
            evidence=ev("Tel Aviv later withdrew from the Sinai"),
            verdict=supported(
                "Israel completed its withdrawal from the Sinai on 25 April 1982 (Taba was returned in "
                "March 1989). The article names Israel's government “Tel Aviv”; it sits in Jerusalem.",
                "reagan-library-1982-04-25",
            ),
            cameo="0874",
            plover=PloverType.RETREAT,
            record_time=record(day(1982, 4, 25), None, "reagan-library-1982-04-25"),
        ),
        Event(
            "withdrawal-from-gaza",
            EventKind.WITHDRAWAL,
            "Israel withdraws from the Gaza Strip",
            (Participant("israel", R.AGENT), Participant("gaza-strip", R.TERRITORY)),
            place="gaza-strip",
            time=LATER,
            evidence=ev("Tel Aviv later withdrew from the Sinai, Gaza"),
            verdict=supported(
                "Israel's disengagement removed the settlers (15–22 August 2005) and ended military rule "
                "on 12 September 2005; Israel kept control of Gaza's airspace, sea and crossings.",
                "bicom-gaza-timeline",
            ),
            cameo="0874",
            plover=PloverType.RETREAT,
            record_time=record(day(2005, 9, 12), None, "bicom-gaza-timeline"),
        ),
        Event(
            "withdrawal-from-west-bank",
            EventKind.WITHDRAWAL,
            "Israel withdraws from the West Bank",
            (Participant("israel", R.AGENT), Participant("west-bank", R.TERRITORY)),
            place="west-bank",
            time=LATER,
            evidence=ev("Tel Aviv later withdrew from the Sinai, Gaza, and the West Bank"),
            verdict=false(
                "Israel never withdrew from the West Bank. Under Oslo II (28 September 1995) it redeployed "
                "from Palestinian towns (Areas A and B); Area C, over 60% of the West Bank, stays under full "
                "Israeli control.",
                "ocha-area-c",
                "btselem-area-c",
            ),
            cameo="0874",
            plover=PloverType.RETREAT,
        ),
        Event(
            "founding-of-the-quartet",
            EventKind.FOUNDING,
            "The Quartet is established in Madrid",
            (
                Participant("quartet", R.TOPIC),
                Participant("united-nations", R.MEMBER),
                Participant("united-states", R.MEMBER),
                Participant("european-union", R.MEMBER),
                Participant("russia", R.MEMBER),
            ),
            place="madrid",
            time=said(TimePoint(2002), "in 2002"),
            evidence=ev("Established in Madrid in 2002 to promote peace in the Middle East"),
            verdict=supported(
                "The Quartet first met in Madrid on 10 April 2002: Annan for the UN, Ivanov for Russia, "
                "Powell for the United States, Piqué and Solana for the European Union.",
                "un-quartet-2002-04-10",
                "palestine-studies-1652729",
                "jvl-quartet",
            ),
            record_time=record(
                day(2002, 4, 10), None, "un-quartet-2002-04-10", "palestine-studies-1652729"
            ),
        ),
        Event(
            "opposition-to-un-involvement",
            EventKind.OPPOSITION,
            "Israel and the United States oppose an international effort involving the United "
            "Nations in peace negotiations",
            (
                Participant("israel", R.AGENT),
                Participant("united-states", R.AGENT),
                Participant("international-peace-effort", R.TARGET),
                Participant("united-nations", R.TOPIC),
            ),
            time=LONG,
            status=EventStatus.ONGOING,
            evidence=ev(
                "Israel and the United States have long opposed an international effort involving the United "
                "Nations in peace negotiations, expressing concerns it would be biased against Israel"
            ),
            verdict=UNCHECKED,
            cameo="126",
            plover=PloverType.REJECT,
        ),
        Event(
            "insistence-on-direct-talks",
            EventKind.INSISTENCE,
            "Israel and the United States insist on direct talks between the parties",
            (
                Participant("israel", R.AGENT),
                Participant("united-states", R.AGENT),
                Participant("israeli-palestinian-peace-process", R.TOPIC),
            ),
            time=BEFORE_PUBLICATION,
            status=EventStatus.ONGOING,
            evidence=ev("They have insisted on direct talks between the parties"),
            verdict=UNCHECKED,
            cameo="026",
        ),
        Event(
            "envoy-suggestion-2018",
            EventKind.PROPOSAL,
            "The Palestinian envoy to the UN suggests that China and the Arab League could also take "
            "part in future peace processes",
            (
                Participant("riyad-mansour", R.AGENT),
                Participant("china", R.TOPIC),
                Participant("arab-league", R.TOPIC),
                Participant("israeli-palestinian-peace-process", R.TOPIC),
            ),
            time=said(TimePoint(2018, 2, 8), "on February 8", Resolution.PUBLICATION),
            evidence=ev(
                "The Palestinian envoy to the UN on February 8 suggested that China and Arab League could also "
                "be part of any future ‘peace processes on the Israeli-Palestinian conflict"
            ),
            verdict=supported(
                "On Thursday 8 February 2018 Riyad Mansour told reporters of a UN Security Council format, "
                "“Quartet plus China plus the Arab League”, or an international conference.",
                "parstoday-2018-02-09",
                "ina-241723",
            ),
            cameo="020",
            record_time=record(day(2018, 2, 8), None, "parstoday-2018-02-09", "ina-241723"),
        ),
        Event(
            "abbas-address-to-the-african-union-2018",
            EventKind.SPEECH,
            "Mahmoud Abbas addresses the African Union in Addis Ababa",
            (Participant("mahmoud-abbas", R.AGENT), Participant("african-union", R.AUDIENCE)),
            place="addis-ababa",
            time=said(
                TimePoint(2018, 1, part=MonthPart.LATE), "In late January", Resolution.PUBLICATION
            ),
            evidence=ev(
                "In late January, Abbas addressed an African Union meeting in Ethiopia's capital Addis Ababa"
            ),
            verdict=supported(
                "Abbas spoke on Sunday 28 January 2018 at the opening of the 30th Ordinary Session of the "
                "African Union Assembly (28–29 January) in Addis Ababa.",
                "pnn-2018-01-29",
                "sudan-tribune-au-30th",
            ),
            cameo="010",
            record_time=record(day(2018, 1, 28), None, "pnn-2018-01-29", "sudan-tribune-au-30th"),
        ),
        Event(
            "abbas-appeal-to-african-states-2018",
            EventKind.APPEAL,
            "Mahmoud Abbas calls on African states to join a multilateral mechanism",
            (
                Participant("mahmoud-abbas", R.AGENT),
                Participant("african-states", R.RECIPIENT),
                Participant("israeli-palestinian-conflict", R.TOPIC),
            ),
            place="addis-ababa",
            time=said(
                TimePoint(2018, 1, part=MonthPart.LATE), "In late January", Resolution.PUBLICATION
            ),
            evidence=ev(
                "In late January",
                "calling on African states to join a multilateral mechanism to discuss the Israeli-Palestinian "
                "conflict",
            ),
            verdict=supported(
                "In Addis Ababa Abbas called for a multilateral mechanism under the UN.",
                "pnn-2018-01-29",
            ),
            cameo="022",
            part_of="abbas-address-to-the-african-union-2018",
            record_time=record(day(2018, 1, 28), None, "pnn-2018-01-29"),
        ),
        Event(
            "russian-offer-to-host-talks-2016",
            EventKind.OFFER,
            "Russia offers to host one-on-one talks between Abbas and Netanyahu",
            (
                Participant("russia", R.AGENT),
                Participant("mahmoud-abbas", R.RECIPIENT),
                Participant("benjamin-netanyahu", R.RECIPIENT),
            ),
            time=said(TimePoint(2016), "in 2016"),
            evidence=ev(
                "Moscow offered to host one-on-one talks between Abbas and Netanyahu in 2016"
            ),
            verdict=supported(
                "The offer was disclosed in late August 2016 and repeated on 26 December 2016.",
                "aa-643272",
                "alarabiya-2016-09-05",
                "jpost-2016-09-06-postponed",
            ),
            cameo="039",
            plover=PloverType.AGREE,
            record_time=record(
                TimePoint(2016, 8, part=MonthPart.LATE),
                day(2016, 12, 26),
                "aa-643272",
                "alarabiya-2016-09-05",
            ),
        ),
        Event(
            "talks-abbas-netanyahu-moscow",
            EventKind.MEETING,
            "Abbas and Netanyahu hold one-on-one talks hosted by Russia",
            (
                Participant("russia", R.HOST),
                Participant("mahmoud-abbas", R.ATTENDEE),
                Participant("benjamin-netanyahu", R.ATTENDEE),
            ),
            time=TimeSpec(TimePoint(2016), resolution=Resolution.CONTEXT),
            status=EventStatus.DID_NOT_HAPPEN,
            evidence=ev("one-on-one talks between Abbas and Netanyahu"),
            modality=Modality.PROPOSED,
            verdict=supported(
                "Talks were offered, not held: Abbas said he had agreed to a meeting in Moscow on "
                "9 September 2016 that Israel's side asked to postpone, and the meeting never took place.",
                "reuters-2016-09-06-no-meeting",
                "ina-241841",
                "newarab-no-meeting",
            ),
            cameo="046",
            plover=PloverType.CONSULT,
            part_of="russian-offer-to-host-talks-2016",
        ),
        Event(
            "reception-of-the-2016-offer",
            EventKind.REJECTION,
            "Abbas and Netanyahu give Russia's offer a cool reception",
            (
                Participant("mahmoud-abbas", R.AGENT),
                Participant("benjamin-netanyahu", R.AGENT),
                Participant("russia", R.TARGET),
            ),
            time=TimeSpec(TimePoint(2016), resolution=Resolution.CONTEXT),
            evidence=ev("but received a cool reception from both sides"),
            verdict=misleading(
                "Both sides accepted in principle: Netanyahu was “reviewing” the offer on 5 September 2016, "
                "Abbas said on 6 September he had agreed to a meeting on 9 September that Israel asked to "
                "postpone, and Russia said on 8 September that both had agreed in principle. The meeting "
                "never took place.",
                "alarabiya-2016-09-05",
                "aa-643272",
                "reuters-2016-09-06-no-meeting",
                "jpost-2016-09-06-postponed",
            ),
            cameo="125",
            plover=PloverType.REJECT,
            part_of="russian-offer-to-host-talks-2016",
            record_time=record(
                day(2016, 9, 5), day(2016, 9, 8), "alarabiya-2016-09-05", "aa-643272"
            ),
        ),
    )


# --- statements --------------------------------------------------------------


STATEMENT_LABELS = {
    "pa-presidency-of-the-pa": "The office of President of the Palestinian Authority belongs to the Palestinian Authority",
    "russian-presidency-of-russia": "The office of President of Russia belongs to Russia",
    "us-presidency-of-the-united-states": "The office of President of the United States belongs to the United States",
    "israeli-premiership-of-israel": "The office of Prime Minister of Israel belongs to Israel",
    "palestinian-envoy-of-palestine": "The Palestinian envoy to the UN represents Palestine",
    "trump-administration-of-the-united-states": "The Trump administration governs the United States",
    "pa-jurisdiction-in-the-west-bank": "The Palestinian Authority's jurisdiction covers Areas A and B of the West Bank",
    "unsc-part-of-the-un": "The UN Security Council is an organ of the United Nations",
    "unrwa-part-of-the-un": "UNRWA is an agency of the United Nations",
    "abbas-president-of-the-pa": "Mahmoud Abbas is the President of the Palestinian Authority",
    "putin-president-of-russia": "Vladimir Putin is the President of Russia",
    "trump-president-of-the-united-states": "Donald Trump is the President of the United States",
    "netanyahu-prime-minister-of-israel": "Benjamin Netanyahu is the Prime Minister of Israel",
    "riyad-mansour-envoy": "Riyad Mansour is the Palestinian envoy to the United Nations",
    "us-head-of-state-trump": "The United States' head of state is Donald Trump",
    "israel-head-of-government-netanyahu": "Israel's head of government is Benjamin Netanyahu",
    "abbas-seeks-to-sideline-us": (
        "Mahmoud Abbas seeks to sideline the United States from the Middle East peace process"
    ),
    "us-primary-mediator": (
        "The United States serves as the primary mediator between Israel and the Palestinians"
    ),
    "mechanism-without-us-as-primary-mediator": (
        "In the mechanism Putin and Abbas are to discuss, the United States would no longer serve "
        "as the primary mediator"
    ),
    "trump-recognizes-jerusalem-as-capital": (
        "Donald Trump unilaterally recognises Jerusalem as Israel's capital"
    ),
    "recognition-circumvents-international-law": (
        "Trump's recognition of Jerusalem as Israel's capital circumvents international law"
    ),
    "tensions-us-pa": (
        "The United States and the Palestinian Authority are in tension over Trump's recognition "
        "of Jerusalem"
    ),
    "trump-administration-not-honest-broker": (
        "The Trump administration is no longer qualified to be an honest broker in any peace process"
    ),
    "trump-administration-biased-for-israel": "The Trump administration is biased in favour of Israel",
    "palestinians-upset-with-pa-funding-threat": (
        "The Palestinians are upset with Trump's threats to cut funding to the Palestinian Authority"
    ),
    "palestinians-upset-with-unrwa-funding-threat": (
        "The Palestinians are upset with Trump's threats to cut funding to UNRWA"
    ),
    "us-funds-unrwa": "The United States funds UNRWA",
    "us-funds-pa": "The United States funds the Palestinian Authority",
    "russia-vital-ally-of-palestinians": (
        "Russia is once again becoming a vital ally for the Palestinians"
    ),
    "russia-tepid-relations-with-palestinians": (
        "Russia's relations with the Palestinians were tepid for years after the Soviet collapse"
    ),
    "russia-successor-of-soviet-union": "Russia is the Soviet Union's successor",
    "russia-permanent-member-of-unsc": (
        "Russia is one of the five permanent members of the UN Security Council"
    ),
    "china-permanent-member-of-unsc": "China is a permanent member of the UN Security Council",
    "france-permanent-member-of-unsc": "France is a permanent member of the UN Security Council",
    "united-kingdom-permanent-member-of-unsc": (
        "The United Kingdom is a permanent member of the UN Security Council"
    ),
    "united-states-permanent-member-of-unsc": (
        "The United States is a permanent member of the UN Security Council"
    ),
    "russia-recognizes-palestine": (
        "Russia officially recognises Palestine as a state with East Jerusalem as its capital"
    ),
    "soviet-arms-to-egypt": "The Soviet Union supplied Egypt's army",
    "soviet-arms-to-syria": "The Soviet Union supplied Syria's army",
    "soviet-arms-to-jordan": "The Soviet Union supplied Jordan's army",
    "sinai-part-of-egypt": "The Sinai Peninsula is part of Egypt",
    "gaza-part-of-egypt": "The Gaza Strip is part of Egypt",
    "golan-part-of-syria": "The Golan Heights are part of Syria",
    "west-bank-part-of-jordan": "The West Bank is part of the Kingdom of Jordan",
    "east-jerusalem-part-of-jordan": "East Jerusalem is part of the Kingdom of Jordan",
    "israel-controls-golan": "Israel keeps the Golan Heights under its authority",
    "israel-controls-unified-jerusalem": "Israel keeps a unified Jerusalem under its authority",
    "old-city-part-of-jerusalem": "The Old City is part of Jerusalem",
    "russia-member-of-quartet": "Russia is a member of the Quartet",
    "quartet-has-member-russia": "The Quartet includes Russia",
    "quartet-has-member-united-nations": "The Quartet includes the United Nations",
    "quartet-has-member-european-union": "The Quartet includes the European Union",
    "quartet-has-member-united-states": "The Quartet includes the United States",
    "quartet-promotes-peace": "The Quartet promotes peace in the Middle East",
    "israel-opposes-international-effort": (
        "Israel opposes an international effort involving the United Nations in peace negotiations"
    ),
    "us-opposes-international-effort": (
        "The United States opposes an international effort involving the United Nations in peace "
        "negotiations"
    ),
    "international-effort-biased-against-israel": (
        "An international effort involving the United Nations would be biased against Israel"
    ),
    "china-in-future-peace-process": (
        "China could take part in future peace processes on the Israeli–Palestinian conflict"
    ),
    "arab-league-in-future-peace-process": (
        "The Arab League could take part in future peace processes on the Israeli–Palestinian "
        "conflict"
    ),
    "addis-ababa-capital-of-ethiopia": "Addis Ababa is the capital of Ethiopia",
    "moscow-capital-of-russia": "Moscow is the capital of Russia",
    "kremlin-in-moscow": "The Kremlin is in Moscow",
}
"""Each statement as an English sentence, in the article's British spelling."""


def _statements(ev: Ev) -> tuple[Statement, ...]:
    return tuple(
        attrs.evolve(statement, label=STATEMENT_LABELS[statement.id])
        for statement in _unlabelled_statements(ev)
    )


def _unlabelled_statements(ev: Ev) -> tuple[Statement, ...]:
    def enrichment(
        id: str,
        subject: str,
        predicate: Predicate,
        object: str,
        *sources: str,
        time: TimeSpec | None = AS_PUBLISHED,
    ) -> Statement:
        """A fact of the public record; a state of affairs holds at least as of publication."""
        return Statement(
            id, subject, predicate, object, time=time, origin=Origin.ENRICHMENT, sources=sources
        )

    pa_claim = Attribution(("palestinian-authority",), "argue")
    israel_us = Attribution(("israel", "united-states"), "express concerns")
    envoy = Attribution(("riyad-mansour",), "suggest")
    return (
        # Offices.
        Statement(
            "abbas-president-of-the-pa",
            "mahmoud-abbas",
            P.POSITION_HELD,
            "president-of-the-palestinian-authority",
            time=AS_PUBLISHED,
            evidence=ev("Palestinian Authority President Mahmoud Abbas"),
            verdict=supported("", "wikidata"),
        ),
        Statement(
            "putin-president-of-russia",
            "vladimir-putin",
            P.POSITION_HELD,
            "president-of-russia",
            time=AS_PUBLISHED,
            evidence=ev("Russian President Vladimir Putin"),
            verdict=supported("", "wikidata"),
        ),
        enrichment(
            "trump-president-of-the-united-states",
            "donald-trump",
            P.POSITION_HELD,
            "president-of-the-united-states",
            "proclamation-9683",
        ),
        enrichment(
            "netanyahu-prime-minister-of-israel",
            "benjamin-netanyahu",
            P.POSITION_HELD,
            "prime-minister-of-israel",
            "wikidata",
            "alarabiya-2016-09-05",
            "newarab-no-meeting",
        ),
        # What each office, body and agency belongs to (Wikidata P1001, P361).
        Statement(
            "pa-presidency-of-the-pa",
            "president-of-the-palestinian-authority",
            P.APPLIES_TO_JURISDICTION,
            "palestinian-authority",
            evidence=ev("Palestinian Authority President"),
            verdict=supported("", "wikidata"),
        ),
        Statement(
            "russian-presidency-of-russia",
            "president-of-russia",
            P.APPLIES_TO_JURISDICTION,
            "russia",
            evidence=ev("Russian President"),
            verdict=supported("", "wikidata"),
        ),
        enrichment(
            "us-presidency-of-the-united-states",
            "president-of-the-united-states",
            P.APPLIES_TO_JURISDICTION,
            "united-states",
            "proclamation-9683",
            time=None,
        ),
        enrichment(
            "israeli-premiership-of-israel",
            "prime-minister-of-israel",
            P.APPLIES_TO_JURISDICTION,
            "israel",
            "wikidata",
            time=None,
        ),
        Statement(
            "palestinian-envoy-of-palestine",
            "palestinian-envoy-to-the-un",
            P.APPLIES_TO_JURISDICTION,
            "state-of-palestine",
            evidence=ev("Palestinian envoy to the UN"),
            verdict=supported(
                "The sources report Riyad Mansour's words as those of the Palestinian envoy to the UN.",
                "parstoday-2018-02-09",
                "ina-241723",
            ),
        ),
        enrichment(
            "trump-administration-of-the-united-states",
            "trump-administration",
            P.APPLIES_TO_JURISDICTION,
            "united-states",
            "wikidata",
            time=TimeSpec(TRUMP_TOOK_OFFICE, PUBLISHED, resolution=Resolution.RECORD, sources=WD),
        ),
        Statement(
            "pa-jurisdiction-in-the-west-bank",
            "palestinian-authority",
            P.APPLIES_TO_JURISDICTION,
            "west-bank",
            qualifiers=(Qualifier(QualifierKind.PLACE, Literal("Areas A and B")),),
            time=TimeSpec(
                day(1995, 9, 28),
                PUBLISHED,
                resolution=Resolution.RECORD,
                sources=("ocha-area-c", "btselem-area-c"),
            ),
            origin=Origin.ENRICHMENT,
            sources=("ocha-area-c", "btselem-area-c"),
        ),
        # The names say it: "United Nations Security Council", "United Nations Relief and
        # Works Agency".
        Statement(
            "unsc-part-of-the-un",
            "un-security-council",
            P.PART_OF,
            "united-nations",
            time=AS_PUBLISHED,
            evidence=ev("United Nations Security Council"),
            verdict=supported("", "wikidata"),
        ),
        Statement(
            "unrwa-part-of-the-un",
            "unrwa",
            P.PART_OF,
            "united-nations",
            time=AS_PUBLISHED,
            evidence=ev("United Nations Relief and Works Agency for Palestinian Refugees"),
            verdict=supported("", "wikidata"),
        ),
        enrichment(
            "riyad-mansour-envoy",
            "riyad-mansour",
            P.POSITION_HELD,
            "palestinian-envoy-to-the-un",
            "parstoday-2018-02-09",
            "ina-241723",
        ),
        enrichment(
            "us-head-of-state-trump",
            "united-states",
            P.HEAD_OF_STATE,
            "donald-trump",
            "proclamation-9683",
        ),
        enrichment(
            "israel-head-of-government-netanyahu",
            "israel",
            P.HEAD_OF_GOVERNMENT,
            "benjamin-netanyahu",
            "wikidata",
            "alarabiya-2016-09-05",
            "newarab-no-meeting",
        ),
        # The purpose of the visit and the question of mediation.
        Statement(
            "abbas-seeks-to-sideline-us",
            "mahmoud-abbas",
            P.OPPOSES,
            "united-states",
            qualifiers=(Qualifier(QualifierKind.TOPIC, "israeli-palestinian-peace-process"),),
            time=AS_PUBLISHED,
            evidence=ev(
                "Mahmoud Abbas", "in a bid to sideline the US from the Middle East peace process"
            ),
            modality=Modality.CHARACTERISATION,
            verdict=simplified(
                "The article's reading of the visit's aim. In Moscow Abbas said the Palestinians could not "
                "accept the United States as the sole mediator and asked that it be “not the only "
                "mediator, but just one of the mediators”: a smaller role, not none.",
                "reuters-putin-trump-phone",
                "afp-putin-hosts-abbas",
            ),
        ),
        Statement(
            "us-primary-mediator",
            "united-states",
            P.MEDIATOR_IN,
            "israeli-palestinian-peace-process",
            qualifiers=(Qualifier(QualifierKind.ROLE, Literal("primary mediator")),),
            time=AS_PUBLISHED,
            evidence=ev(
                "Israeli-Palestinian peace talks",
                "the United States would no longer serve as the primary mediator between the two sides",
            ),
            verdict=supported(
                "The United States led the mediation: in Moscow Abbas said the Palestinians could not "
                "accept it as the sole mediator.",
                "reuters-putin-trump-phone",
                "afp-putin-hosts-abbas",
            ),
        ),
        Statement(
            "mechanism-without-us-as-primary-mediator",
            "united-states",
            P.MEDIATOR_IN,
            "israeli-palestinian-peace-process",
            qualifiers=(Qualifier(QualifierKind.ROLE, Literal("primary mediator")),),
            negated=True,
            time=TimeSpec(PUBLISHED, resolution=Resolution.CONTEXT),
            evidence=ev(
                "Israeli-Palestinian peace talks",
                "the prospect of finding a mechanism in which the United States would no longer serve as the "
                "primary mediator between the two sides",
            ),
            modality=Modality.HYPOTHETICAL,
            verdict=supported(
                "A prospect for the meeting to discuss, as the article says. It is what Abbas asked for in "
                "Moscow: that the United States be “not the only mediator, but just one of the "
                "mediators”, not that it stop mediating.",
                "afp-putin-hosts-abbas",
                "reuters-putin-trump-phone",
            ),
        ),
        # Trump's recognition of Jerusalem.
        Statement(
            "trump-recognizes-jerusalem-as-capital",
            "donald-trump",
            P.RECOGNIZES,
            "jerusalem",
            qualifiers=(
                Qualifier(QualifierKind.AS_CAPITAL_OF, "israel"),
                Qualifier(QualifierKind.MANNER, Literal("unilaterally")),
            ),
            time=DECEMBER,
            evidence=ev(
                "unilaterally recognise Jerusalem as Israel's capital",
                "Trump's December recognition of Jerusalem as Israel's capital",
            ),
            verdict=supported(
                "Proclamation 9683 of 6 December 2017 recognised Jerusalem as Israel's capital, by the "
                "President for the United States.",
                "proclamation-9683",
            ),
            record_time=record(day(2017, 12, 6), None, "proclamation-9683"),
        ),
        Statement(
            "recognition-circumvents-international-law",
            "us-recognition-of-jerusalem-2017",
            P.CONTRAVENES,
            "international-law",
            evidence=ev("Donald Trump's decision to circumvent international law"),
            modality=Modality.CHARACTERISATION,
            verdict=opinion(
                "The article's own judgement. It matches the UN General Assembly resolution of 21 December "
                "2017, which the United States rejects.",
                "unga-2017-12-21",
            ),
        ),
        Statement(
            "tensions-us-pa",
            "united-states",
            P.IN_TENSION_WITH,
            "palestinian-authority",
            qualifiers=(Qualifier(QualifierKind.TOPIC, "us-recognition-of-jerusalem-2017"),),
            time=TimeSpec(
                TimePoint(2017, 12), PUBLISHED, expression="ongoing", resolution=Resolution.CONTEXT
            ),
            evidence=ev(
                "ongoing tensions between Washington and the Palestinian Authority (PA) over Trump's December "
                "recognition of Jerusalem as Israel's capital"
            ),
            verdict=supported(
                "The Arab Weekly reports “cold US-Palestinian ties” at the time of the visit.",
                "arab-weekly-abbas-warms",
            ),
        ),
        # The PA's argument.
        Statement(
            "trump-administration-not-honest-broker",
            "trump-administration",
            P.QUALIFIED_AS,
            Literal("honest broker in any peace process"),
            negated=True,
            time=UNDER_TRUMP,
            evidence=ev(
                "the Trump administration was no longer qualified to play the role of honest broker in any "
                "peace process"
            ),
            attribution=pa_claim,
            verdict=opinion("The PA's judgement, reported as such."),
        ),
        Statement(
            "trump-administration-biased-for-israel",
            "trump-administration",
            P.BIASED_TOWARDS,
            "israel",
            time=UNDER_TRUMP,
            evidence=ev("due to its “bias” in favour of Israel"),
            attribution=pa_claim,
            verdict=opinion("The PA's judgement; the article puts “bias” in quotation marks."),
        ),
        # Funding.
        Statement(
            "palestinians-upset-with-pa-funding-threat",
            "palestinians",
            P.UPSET_WITH,
            "trump-threat-to-cut-pa-funding",
            time=AS_PUBLISHED,
            evidence=ev(
                "The Palestinians are also upset with Trump's threats to cut funding to the PA"
            ),
            verdict=UNCHECKED,
        ),
        Statement(
            "palestinians-upset-with-unrwa-funding-threat",
            "palestinians",
            P.UPSET_WITH,
            "trump-threat-to-cut-unrwa-funding",
            time=AS_PUBLISHED,
            evidence=ev(
                "The Palestinians are also upset with Trump's threats to cut funding to the PA and the United "
                "Nations Relief and Works Agency for Palestinian Refugees (UNRWA)"
            ),
            verdict=UNCHECKED,
        ),
        Statement(
            "us-funds-unrwa",
            "united-states",
            P.FUNDS,
            "unrwa",
            time=BEFORE_PUBLICATION,
            evidence=ev(
                "cut funding to the PA and the United Nations Relief and Works Agency for Palestinian Refugees"
            ),
            verdict=supported(
                "On 16 January 2018 the State Department withheld $65M of a $125M UNRWA tranche.",
                "bbc-42711985",
            ),
        ),
        Statement(
            "us-funds-pa",
            "united-states",
            P.FUNDS,
            "palestinian-authority",
            time=BEFORE_PUBLICATION,
            evidence=ev("cut funding to the PA"),
            verdict=simplified(
                "The payments Trump threatened on 2 January 2018 were to “the Palestinians”, not to the PA "
                "by name.",
                "bbc-42711985",
            ),
        ),
        # Russia and the Palestinians.
        Statement(
            "russia-vital-ally-of-palestinians",
            "russia",
            P.ALLY_OF,
            "palestinians",
            time=AS_PUBLISHED,
            evidence=ev("Russia is once again becoming a vital ally for the Palestinians"),
            modality=Modality.CHARACTERISATION,
            verdict=opinion("“Vital ally” is the article's judgement, not a checkable fact."),
        ),
        Statement(
            "russia-tepid-relations-with-palestinians",
            "russia",
            P.TIES_WITH,  # not diplomatic relations (P530): the Palestinians are a people
            "palestinians",
            qualifiers=(Qualifier(QualifierKind.MANNER, Literal("tepid")),),
            time=TimeSpec(
                TimePoint(1991),
                PUBLISHED,
                expression="years of … in the wake of the 1991 Soviet collapse",
                resolution=Resolution.CONTEXT,
            ),
            evidence=ev(
                "Russia is once again becoming a vital ally for the Palestinians after years of tepid "
                "relations in the wake of the 1991 Soviet collapse"
            ),
            modality=Modality.CHARACTERISATION,
            verdict=opinion("“Tepid relations” is the article's judgement, not a checkable fact."),
        ),
        Statement(
            "russia-successor-of-soviet-union",
            "russia",
            P.SUCCESSOR_OF,
            "soviet-union",
            origin=Origin.ENRICHMENT,
            sources=("usun-p5",),
        ),
        # The Security Council.
        Statement(
            "russia-permanent-member-of-unsc",
            "russia",
            P.PERMANENT_MEMBER_OF,
            "un-security-council",
            time=AS_PUBLISHED,
            evidence=ev(
                "As one of five permanent members of the United Nations Security Council, Russia"
            ),
            verdict=supported("Russia holds the Soviet Union's permanent seat.", "usun-p5"),
        ),
        *(
            enrichment(
                f"{state}-permanent-member-of-unsc",
                state,
                P.PERMANENT_MEMBER_OF,
                "un-security-council",
                "usun-p5",
            )
            for state in ("china", "france", "united-kingdom", "united-states")
        ),
        Statement(
            "russia-recognizes-palestine",
            "russia",
            P.RECOGNIZES,
            "state-of-palestine",
            qualifiers=(
                Qualifier(QualifierKind.CAPITAL, "east-jerusalem"),
                Qualifier(QualifierKind.MANNER, Literal("officially")),
            ),
            time=AS_PUBLISHED,
            evidence=ev(
                "Russia officially recognises Palestine as a state with East Jerusalem as its capital"
            ),
            verdict=simplified(
                "The Soviet Union recognised the State of Palestine on 18 November 1988 and Russia continues "
                "that recognition; but Russia's Foreign Ministry statement of 6 April 2017 named East Jerusalem "
                "the capital of a future Palestinian state, and West Jerusalem Israel's capital.",
                "latimes-1988-11-19",
                "jta-2017-04-06",
                "christiantoday-2017-04-07",
            ),
        ),
        # 1967.
        *(
            Statement(
                f"soviet-arms-to-{state}",
                "soviet-union",
                P.SUPPLIED_ARMS_TO,
                state,
                time=BEFORE_THE_WAR,
                evidence=ev("the combined Soviet-supplied armies of Egypt, Syria, and Jordan"),
                verdict=verdict,
            )
            for state, verdict in (
                ("egypt", supported("Egypt's army in 1967 was Soviet-supplied.")),
                ("syria", supported("Syria's army in 1967 was Soviet-supplied.")),
                (
                    "jordan",
                    false(
                        "Jordan's army was not Soviet-supplied: the Arab Legion was founded, officered and "
                        "financed by Britain until 1956, and Jordan's army was equipped by the United Kingdom "
                        "and the United States.",
                        "loc-jordan-arab-legion",
                    ),
                ),
            )
        ),
        Statement(
            "sinai-part-of-egypt",
            "sinai-peninsula",
            P.PART_OF,
            "egypt",
            time=IN_THE_WAR,
            evidence=ev("Egypt's Sinai Peninsula"),
            verdict=supported(
                "The Sinai is Egyptian territory; Israel returned it in 1982.",
                "reagan-library-1982-04-25",
            ),
        ),
        Statement(
            "gaza-part-of-egypt",
            "gaza-strip",
            P.PART_OF,
            "egypt",
            time=IN_THE_WAR,
            evidence=ev("Egypt's Sinai Peninsula and Gaza Strip"),
            verdict=false(
                "Before 1967 the Gaza Strip was under Egyptian military rule (1948–1967); Egypt never "
                "annexed it.",
                "wikipedia-gaza-uar",
            ),
        ),
        Statement(
            "golan-part-of-syria",
            "golan-heights",
            P.PART_OF,
            "syria",
            time=IN_THE_WAR,
            evidence=ev("Syria's strategic Golan Heights"),
            verdict=supported(
                "The Golan Heights were Syrian; Israel's Golan Heights Law of 14 December 1981 was declared "
                "null and void by UN Security Council Resolution 497.",
                "unsc-497",
            ),
        ),
        *(
            Statement(
                f"{territory}-part-of-jordan",
                territory,
                P.PART_OF,
                "jordan",
                time=said(TimePoint(1967), "then", Resolution.CONTEXT),
                evidence=ev(
                    "the West Bank and East Jerusalem, then a part of the Kingdom of Jordan"
                ),
                verdict=simplified(
                    "Jordan annexed the West Bank and East Jerusalem on 24 April 1950, an annexation recognised "
                    "by very few states; Jordan gave up its claim on 31 July 1988.",
                    "wikipedia-jordanian-annexation",
                ),
            )
            for territory in ("west-bank", "east-jerusalem")
        ),
        # What Israel kept.
        Statement(
            "israel-controls-golan",
            "israel",
            P.CONTROLS,
            "golan-heights",
            time=SINCE_1967,
            evidence=ev("have kept the Golan", "under Israeli authority"),
            verdict=supported(
                "Israel has held the Golan Heights since the war of June 1967 and applied its law to them on "
                "14 December 1981; UN Security Council Resolution 497 declared that null and void.",
                "bbc-1967-guide",
                "unsc-497",
            ),
        ),
        Statement(
            "israel-controls-unified-jerusalem",
            "israel",
            P.CONTROLS,
            "jerusalem",
            qualifiers=(Qualifier(QualifierKind.MANNER, Literal("unified")),),
            time=SINCE_1967,
            evidence=ev(
                "have kept the Golan and a unified Jerusalem – including the historic “Old City” – under Israeli "
                "authority"
            ),
            verdict=supported(
                "Israel extended its law to East Jerusalem on 27–28 June 1967 and passed the Basic Law: "
                "Jerusalem on 30 July 1980; UN Security Council Resolution 478 (20 August 1980) rejected it.",
                "ecf-jerusalem",
            ),
        ),
        Statement(
            "old-city-part-of-jerusalem",
            "old-city-of-jerusalem",
            P.PART_OF,
            "jerusalem",
            time=AS_PUBLISHED,
            evidence=ev("Jerusalem – including the historic “Old City”"),
            verdict=supported(
                "The Old City lies in East Jerusalem, which Israel took, with the Old City, on 7 June 1967.",
                "bbc-1967-guide",
            ),
        ),
        # The Quartet.
        Statement(
            "russia-member-of-quartet",
            "russia",
            P.MEMBER_OF,
            "quartet",
            time=AS_PUBLISHED,
            evidence=ev("Russia is a member of the Mideast Quartet for peace"),
            verdict=supported(
                "Russia's foreign minister took part in the Quartet's first meeting, in Madrid on "
                "10 April 2002.",
                "un-quartet-2002-04-10",
                "palestine-studies-1652729",
                "jvl-quartet",
            ),
        ),
        *(
            Statement(
                f"quartet-has-member-{member}",
                "quartet",
                P.HAS_MEMBER,
                member,
                time=AS_PUBLISHED,
                evidence=ev("the group is composed of Russia, the UN, EU, and the US"),
                verdict=supported(
                    "The Quartet's members are the United Nations, the United States, the European Union "
                    "and Russia.",
                    "un-quartet-2002-04-10",
                    "palestine-studies-1652729",
                    "jvl-quartet",
                ),
            )
            for member in ("russia", "united-nations", "european-union", "united-states")
        ),
        Statement(
            "quartet-promotes-peace",
            "quartet",
            P.SUPPORTS,
            "israeli-palestinian-peace-process",
            time=SINCE_2002,
            evidence=ev(
                "Established in Madrid in 2002 to promote peace in the Middle East, the group"
            ),
            verdict=supported(
                "The Quartet was formed to further the Israeli–Palestinian peace process.",
                "un-quartet-2002-04-10",
                "jvl-quartet",
            ),
        ),
        # Israel and the United States.
        Statement(
            "israel-opposes-international-effort",
            "israel",
            P.OPPOSES,
            "international-peace-effort",
            time=LONG,
            evidence=ev(
                "Israel and the United States have long opposed an international effort involving the "
                "United Nations in peace negotiations"
            ),
            verdict=UNCHECKED,
        ),
        Statement(
            "us-opposes-international-effort",
            "united-states",
            P.OPPOSES,
            "international-peace-effort",
            time=LONG,
            evidence=ev(
                "Israel and the United States have long opposed an international effort involving the "
                "United Nations in peace negotiations"
            ),
            verdict=UNCHECKED,
        ),
        Statement(
            "international-effort-biased-against-israel",
            "international-peace-effort",
            P.BIASED_AGAINST,
            "israel",
            time=TimeSpec(None, PUBLISHED, resolution=Resolution.CONTEXT),
            evidence=ev("expressing concerns it would be biased against Israel"),
            attribution=israel_us,
            modality=Modality.HYPOTHETICAL,
            verdict=opinion("A concern of Israel and the United States, reported as such."),
        ),
        # The envoy's suggestion.
        *(
            Statement(
                f"{party}-in-future-peace-process",
                party,
                P.PARTICIPANT_IN,
                "israeli-palestinian-peace-process",
                # "on February 8" dates the suggestion (the event), not the proposed participation.
                evidence=ev(
                    "suggested that China and Arab League could also be part of any future ‘peace processes on "
                    "the Israeli-Palestinian conflict"
                ),
                attribution=envoy,
                modality=Modality.PROPOSED,
                verdict=supported(
                    "The envoy's proposal, reported as his: on 8 February 2018 Riyad Mansour spoke of a "
                    "“Quartet plus China plus the Arab League” format.",
                    "parstoday-2018-02-09",
                    "ina-241723",
                ),
            )
            for party in ("china", "arab-league")
        ),
        # Addis Ababa.
        Statement(
            "addis-ababa-capital-of-ethiopia",
            "addis-ababa",
            P.CAPITAL_OF,
            "ethiopia",
            time=AS_PUBLISHED,
            evidence=ev("Ethiopia's capital Addis Ababa"),
            verdict=supported("", "wikidata"),
        ),
        enrichment("moscow-capital-of-russia", "moscow", P.CAPITAL_OF, "russia", "wikidata"),
        enrichment(
            "kremlin-in-moscow", "moscow-kremlin", P.LOCATED_IN, "moscow", "tass-989502", time=None
        ),
    )
