"""Web pages -> ``Document``: main text, title, publication date and site name.

The cascade, in order:

1. bytes -> text: the charset the page declares (``<meta charset>``, ``http-equiv``, XML declaration)
   when Python knows it, else ``decode_bytes`` (UTF-8, UTF-16 with BOM, cp1252); binary, empty and
   oversized input is refused there with its code.
2. main text, date and site name: trafilatura (its own fallbacks included), comments left out.
3. when the page's JSON-LD declares an ``articleBody`` more than twice as long as what trafilatura
   found (pages that render the article with scripts), that body instead.
4. lines matching ``knowledge/boilerplate.txt`` (cross-links, credits, footers) are dropped.
5. title: the page's ``<title>`` with the site's name cut off, checked against what the page shows
   (``og:title``, ``twitter:title``, ``headline``, ``<h1>``); see ``choose_title``.

The document text is ``title + "\\n\\n" + main text`` with ``body_start`` after the title, so
evidence offsets point into exactly what was extracted. Every failure is an ``IngestError``
(E101-E104 from decoding, E107 when no text can be extracted); ``read_html_results`` turns them
into ``ReadFailure`` items.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import date

from sitrep import errors
from sitrep.ingest.failures import failure
from sitrep.ingest.text import MAX_BYTES, ReadResult, decode_bytes, document_from_text, parse_date_arg
from sitrep.model import Document

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENC = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""", re.I)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_WS = re.compile(r"\s+")
# separators between a headline and the site / section names in <title>: spaced | - -- » · — – ::
_TITLE_SEP = re.compile(r"\s+(?:\||-{1,2}|»|·|—|–|::)\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

MIN_TEXT_CHARS = 25  # less than this is a teaser or a redirect page, not a report


def decode_html(data: bytes, source: str = "<html>") -> str:
    """Bytes -> text honouring the page's declared charset; else ``decode_bytes``' rules."""
    if len(data) > MAX_BYTES or not data.strip():
        return decode_bytes(data, source)  # raises the coded error
    head = data[:4096]
    m = _XML_ENC.match(head) or _CHARSET.search(head)
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"  # what browsers do for these labels
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = None
            if text is not None:
                if "\x00" in text[:8192]:
                    raise errors.IngestError(f"{source}: looks binary, not text", code=errors.E102_BINARY)
                return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode_bytes(data, source)


def _norm(s: str | None) -> str:
    return _WS.sub(" ", (s or "").translate(_QUOTES)).strip()


def _key(s: str | None) -> str:
    return _norm(s).casefold()


def _parse_tree(text: str, source: str):
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", text, count=1).encode("utf-8", "replace"),
                                             parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise errors.IngestError(f"{source}: not parseable as HTML ({exc})", code=errors.E107_BAD_HTML) from exc
    if tree is None:
        raise errors.IngestError(f"{source}: not parseable as HTML", code=errors.E107_BAD_HTML)
    return tree


def _first(tree, xpath: str) -> str | None:
    for v in tree.xpath(xpath):
        s = _norm(v if isinstance(v, str) else v.text_content())
        if s:
            return s
    return None


def title_candidates(tree) -> dict[str, list[str]]:
    """What a page says its title is, by source: ``title`` (the <title> tag), ``meta`` (og:title,
    twitter:title, schema.org headline in <meta>), ``h1`` (visible headlines, and elements marked
    ``itemprop=headline``)."""
    meta = []
    for xp in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
               '//meta[@property="twitter:title"]/@content', '//meta[@itemprop="headline"]/@content'):
        v = _first(tree, xp)
        if v and v not in meta:
            meta.append(v)
    h1 = [s for s in (_norm(e.text_content()) for e in tree.xpath("//h1")[:5]) if s]
    marked = _first(tree, '//*[@itemprop="headline" and not(self::meta)]')
    if marked and marked not in h1:
        h1.append(marked)
    title = _first(tree, "//head/title|//title")
    return {"title": [title] if title else [], "meta": meta, "h1": h1}


def choose_title(cands: dict[str, list[str]], fallback: str | None = None) -> str | None:
    """The headline. (a) an <h1> that the metadata confirms word for word; (b) the <title> tag cut
    where a confirmed headline ends (``Headline | Site``); (c) the <title> tag's first part when
    the rest is a short site/section name; (d) the <title> tag; (e) metadata, <h1>, ``fallback``."""
    title = cands["title"][0] if cands["title"] else None
    meta, h1 = cands["meta"], cands["h1"]
    meta_keys = {_key(m) for m in meta}
    for h in h1:  # (a)
        if _key(h) in meta_keys and len(h) >= 10:
            return h
    if title:
        tkey = _key(title)
        for c in sorted(meta + h1, key=len, reverse=True):  # (b)
            ck = _key(c)
            if len(ck) >= 10 and len(ck) < len(tkey) and tkey.startswith(ck):
                rest = tkey[len(ck):]
                if rest[:1].isspace() or rest[:1] in "|-»·—–:：/_,":
                    return _norm(title)[: len(_norm(c))].strip()
        parts = _TITLE_SEP.split(_norm(title))  # (c)
        if len(parts) > 1:
            head, tail = parts[0], parts[1:]
            if len(head) >= 10 and all(len(p.split()) <= 5 and len(p) < len(head) for p in tail):
                return head
        return _norm(title)  # (d)
    for c in meta + h1:  # (e)
        if c:
            return c
    return _norm(fallback) or None


def fragment_to_text(fragment: str) -> str:
    """An HTML fragment (a feed item's content) -> plain text: scripts, styles, forms and embedded
    objects removed by lxml_html_clean, block elements as line breaks, whitespace tidied."""
    import lxml.etree
    import lxml.html
    from lxml_html_clean import Cleaner

    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.fragment_fromstring(fragment.encode("utf-8", "replace"), create_parent="div",
                                             parser=parser)
        cleaner = Cleaner(scripts=True, javascript=True, comments=True, style=True, inline_style=True,
                          links=True, meta=True, page_structure=True, processing_instructions=True,
                          embedded=True, frames=True, forms=True, annoying_tags=True,
                          kill_tags=["noscript", "template", "svg", "math", "img", "figure"])
        root = cleaner.clean_html(root)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError, TypeError, AssertionError):
        # AssertionError: lxml's fragment parser on page-level markup ("<html>" inside a feed item)
        return _tidy(re.sub(r"<[^>]{0,2000}>", " ", fragment))
    for el in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
                        "section", "article", "pre", "table", "ul", "ol"):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_WS.sub(" ", ln.replace("\u00a0", " ")).strip() for ln in text.splitlines()]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


_BOILERPLATE: dict[str, list[re.Pattern]] = {}


def boilerplate_patterns(path=None) -> list[re.Pattern]:
    """The line patterns of ``knowledge/boilerplate.txt`` (or ``path``), compiled; a bad pattern is a
    ``KnowledgeError`` naming the file and line."""
    from sitrep.knowledge import knowledge_path

    p = str(path or knowledge_path("boilerplate.txt"))
    if p in _BOILERPLATE:
        return _BOILERPLATE[p]
    pats = []
    try:
        lines = open(p, encoding="utf-8").read().splitlines()
    except OSError as exc:
        raise errors.KnowledgeError(f"{p}: cannot read the boilerplate patterns: {exc.strerror or exc}") from exc
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            pats.append(re.compile(line, re.I))
        except re.error as exc:
            raise errors.KnowledgeError(f"{p}:{lineno}: not a valid regular expression ({exc}): {line}") from exc
    _BOILERPLATE[p] = pats
    return pats


def drop_boilerplate(text: str, patterns: list[re.Pattern] | None = None) -> str:
    """Remove whole lines (<= 200 characters) that a boilerplate pattern matches entirely."""
    pats = boilerplate_patterns() if patterns is None else patterns
    kept = [ln for ln in text.split("\n")
            if not (len(ln) <= 200 and ln.strip() and any(p.fullmatch(ln.strip()) for p in pats))]
    return _tidy("\n".join(kept))


def jsonld_article_body(tree) -> str | None:
    """The longest schema.org ``articleBody`` in the page's JSON-LD, when there is one."""
    import json

    best = None
    for el in tree.xpath('//script[@type="application/ld+json"]')[:20]:
        raw = el.text_content()
        if "articleBody" not in raw or len(raw) > MAX_BYTES:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < 1000:
            item = stack.pop()
            seen += 1
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and (best is None or len(body) > len(best)):
                    best = body
                stack.extend(v for k, v in item.items() if k == "@graph" or isinstance(v, dict | list))
    return best


def read_html(data: bytes | str, source: str, *, url: str | None = None, published: date | None = None,
              doc_id: str | None = None) -> Document:
    """One web page -> ``Document`` or ``IngestError``. ``published`` is used only when the page
    has no date of its own; ``doc_id`` defaults to the file name without extension."""
    import trafilatura

    text = data if isinstance(data, str) else decode_html(data, source)
    if len(text) > MAX_BYTES:
        raise errors.IngestError(f"{source}: over the {MAX_BYTES // (1024 * 1024)} MB limit for one page",
                                 code=errors.E104_TOO_LARGE)
    tree = _parse_tree(text, source)
    cands = title_candidates(tree)
    try:
        res = trafilatura.bare_extraction(_XML_DECL.sub("", text, count=1), url=url, with_metadata=True,
                                          include_comments=False, include_tables=True, deduplicate=False)
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        # trafilatura's own parsing gave up on this markup
        raise errors.IngestError(f"{source}: the HTML could not be processed ({type(exc).__name__}: {exc})",
                                 code=errors.E107_BAD_HTML) from exc
    body = drop_boilerplate(_tidy(getattr(res, "text", None) or "")) if res is not None else ""
    declared = jsonld_article_body(tree)
    if declared:  # the body the publisher declares, when the page's markup hid most of it
        declared = drop_boilerplate(_tidy(fragment_to_text(declared)))
        if len(declared) > 2 * len(body):
            body = declared
    if len(body) < MIN_TEXT_CHARS:
        raise errors.IngestError(
            f"{source}: no article text found in the HTML ({len(body)} characters extracted); "
            "is it a front page, a redirect or a script-only page?",
            code=errors.E107_BAD_HTML,
        )
    title = choose_title(cands, getattr(res, "title", None))
    if title and len(title) > 300:
        title = title[:300].rsplit(" ", 1)[0]
    first, _, rest = body.partition("\n")
    if title and rest.strip() and _key(first) == _key(title):
        body = rest.strip()  # the headline is already the document's first line
    page_url = url or getattr(res, "url", None) or None
    site = getattr(res, "sitename", None) or None
    full = f"{title}\n\n{body}" if title else body
    doc = document_from_text(
        full, doc_id or _stem(source), title=title,
        published=parse_date_arg(getattr(res, "date", None)) or published,
        url=page_url, source=site, path=source,
    )
    doc.body_start = len(title) + 2 if title else 0
    doc.meta.update({k: v for k, v in (
        ("format", "html"), ("author", getattr(res, "author", None)),
        ("description", getattr(res, "description", None)),
        ("page_language", getattr(res, "language", None)),
    ) if v})
    return doc


def read_html_results(data: bytes, source: str, *, url: str | None = None, published: date | None = None,
                      doc_id: str | None = None) -> Iterator[ReadResult]:
    """``read_html`` as the readers' common protocol: one ``Document`` or one ``ReadFailure``."""
    try:
        yield read_html(data, source, url=url, published=published, doc_id=doc_id)
    except errors.IngestError as exc:
        yield failure(source, exc)


def _stem(source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1] or "page"
    return re.sub(r"\.(html?|xhtml|php|aspx?)$", "", name, flags=re.I) or "page"
