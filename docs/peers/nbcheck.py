#!/usr/bin/env python3
"""Text extraction of newsbrief's PDFs, measured like kit/check.py measures the peers'.

The reference is the <article> of the same language's HTML page (one template renders both), so
every distinct word of the article should come back from `pdftotext`. Also counts presentation
forms (ligature characters such as U+FB13–FB17 for Armenian), U+FFFD and private-use characters.
Usage: python3 nbcheck.py OUTPUT_DIR [STORY]
"""
import html.parser
import re
import subprocess
import sys
import unicodedata

OUT = sys.argv[1]
STORY = sys.argv[2] if len(sys.argv) > 2 else "armenia-azerbaijan-peace-2025"


class ArticleText(html.parser.HTMLParser):
    """Collects the text inside <article>, without <script> and <style>."""
    def __init__(self):
        super().__init__()
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth > 0 and self.skip == 0:
            self.parts.append(data)


def words(s):
    s = unicodedata.normalize("NFC", s).replace("\u00ad", "")
    return set(w for w in re.findall(r"\w+", s) if not w.isdigit() or len(w) > 1)


for lang in ("en", "hy", "az", "ru"):
    p = ArticleText()
    p.feed(open("%s/%s/%s.html" % (OUT, lang, STORY), encoding="utf-8").read())
    want = words(" ".join(p.parts))
    txt = subprocess.run(["pdftotext", "-enc", "UTF-8", "%s/%s/%s.pdf" % (OUT, lang, STORY), "-"],
                         capture_output=True, text=True).stdout
    joined = re.sub(r"(\w)-\n(\w)", r"\1\2", txt)
    got = words(txt) | words(joined)
    missing = sorted(want - got)
    pres = sorted(set(ch for ch in txt if 0xFB00 <= ord(ch) <= 0xFB4F))
    bad = sum(1 for ch in txt if ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF)
    print("newsbrief | %s | %d/%d words | pres-forms=%s | bad=%d | missing: %s"
          % (lang, len(want) - len(missing), len(want), "".join(pres) or "-", bad, " ".join(missing[:12])))
