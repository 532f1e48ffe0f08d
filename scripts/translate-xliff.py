#!/usr/bin/env python3
"""Fills <target> elements of locales/ar.xlf from scripts/translations/ar/*.json.

Keys are the English source with placeholders written {0}, {1}…; the translator's
file stays the XLIFF (any CAT tool can edit it), this only saves hand-editing XML.
Prints the sources that still lack a translation and exits 1 if any do.
"""
import json, re, sys, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
xlf = root / 'locales' / 'ar.xlf'
# One file per widget (or shared core), so people working on different widgets never
# edit the same file.
table = {}
for part in sorted((root / 'scripts' / 'translations' / 'ar').glob('*.json')):
    table.update(json.loads(part.read_text(encoding='utf-8')))
text = xlf.read_text(encoding='utf-8')
missing = []

def fill(match):
    unit = match.group(0)
    source = re.search(r'<source>(.*?)</source>', unit, re.S).group(1)
    placeholders = re.findall(r'<x [^>]*/>', source)
    key = source
    for i, ph in enumerate(placeholders):
        key = key.replace(ph, '{%d}' % i, 1)
    key = key.replace('&quot;', '"').replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>')
    if key not in table:
        missing.append(key)
        return unit
    target = table[key].replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    for i, ph in enumerate(placeholders):
        target = target.replace('{%d}' % i, ph)
    unit = re.sub(r'\s*<target>.*?</target>', '', unit, flags=re.S)
    return unit.replace('</source>', '</source>\n  <target>%s</target>' % target, 1)

text = re.sub(r'<trans-unit id="[^"]+">.*?</trans-unit>', fill, text, flags=re.S)
xlf.write_text(text, encoding='utf-8')
for key in missing:
    print('missing:', key)
sys.exit(1 if missing else 0)
