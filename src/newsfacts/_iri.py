"""Whether a string is an absolute IRI (RFC 3987), as the RDF exports need one.

A check made of the standard library, fast enough to run on every URL that
validation sees: a scheme (RFC 3986 section 3.1), only characters that RFC
3987 allows (``iunreserved``, ``ucschar``, the reserved delimiters,
``iprivate`` in the query) with every ``%`` starting a two-digit escape,
brackets only around an IP literal in the authority, an authority's user
and host free of delimiters (one ``@`` at most), and a port of digits.
It refuses what rdflib refuses (a space, ``{``, ``"``, ``<``, a control
character).

The full grammar is ``rfc3987-syntax``'s (a maintained Lark grammar of RFC
3987); the test suite checks this check against it, so that it never accepts
what the grammar refuses. It is not used at run time: importing it takes
seconds and each IRI a tenth of one, and it refuses every IPv6 literal.
"""

from __future__ import annotations

import re
import urllib.parse

__all__ = ["is_iri"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
# RFC 3987 section 2.2: ucschar, iunreserved's ASCII, gen-delims, sub-delims and "%".
_UCSCHAR = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
    "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
    "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd"
    "\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd"
)
_IPRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_ASCII = r"A-Za-z0-9\-._~:/?#@!$&'()*+,;=%"
_BODY = re.compile(f"[{_ASCII}{_UCSCHAR}]*")
_QUERY = re.compile(f"[{_ASCII}{_UCSCHAR}{_IPRIVATE}]*")
# A fragment holds ipchar, "/" and "?": every delimiter but a second "#".
_FRAGMENT = re.compile(f"[{_ASCII.replace('#', '')}{_UCSCHAR}]*")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# ireg-name (and iuserinfo, with ":"): no delimiter, so no "@" but the one before the host.
_REG_NAME = re.compile(f"[A-Za-z0-9\\-._~!$&'()*+,;=%{_UCSCHAR}]*")
_USERINFO = re.compile(f"[A-Za-z0-9\\-._~!$&'()*+,;=%:{_UCSCHAR}]*")
# An authority with an IP literal, the one place where brackets belong.
_IP_LITERAL = re.compile(r"(?:[^@\[\]]*@)?\[[0-9A-Za-z:.~!$&'()*+,;=\-]+\](?::[0-9]*)?")


def _check_iri(text: str) -> bool:
    scheme, colon, rest = text.partition(":")
    if not colon or _SCHEME.fullmatch(scheme) is None or _BAD_ESCAPE.search(text):
        return False
    before_fragment, _, fragment = rest.partition("#")
    body, _, query = before_fragment.partition("?")
    try:
        netloc = urllib.parse.urlsplit(text).netloc
        urllib.parse.urlsplit(text).port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return False
    if "[" in body or "]" in body:
        if _IP_LITERAL.fullmatch(netloc) is None:
            return False
        body = body.replace(netloc, "", 1)
    elif netloc:
        userinfo, at, host = netloc.rpartition("@")
        host = host.rpartition(":")[0] if ":" in host else host
        if (at and _USERINFO.fullmatch(userinfo) is None) or _REG_NAME.fullmatch(host) is None:
            return False
    return bool(_BODY.fullmatch(body) and _QUERY.fullmatch(query) and _FRAGMENT.fullmatch(fragment))


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI (RFC 3987 ``IRI``: a scheme, no spaces, no ``{``).

    Raises :class:`TypeError` for a ``text`` that is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return _check_iri(text)
