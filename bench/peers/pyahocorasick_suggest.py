# Peer of `hashiya suggest` for bench/cli.bench.ts: pyahocorasick (Debian python3-ahocorasick, a C extension).
# Reads the names of a TSV gazetteer (first column), builds the automaton, scans the text and prints every match
# that is a whole word (no letter, mark or digit on either side) as {"start","end","name"} in code points.
# It does no normalisation (exact strings only), tries no proclitic readings, keeps overlapping matches.
import json
import sys
import unicodedata

import ahocorasick


def is_word(c):
    return c.isalnum() or unicodedata.category(c)[0] == 'M'


def main():
    names_file, text_file = sys.argv[1], sys.argv[2]
    automaton = ahocorasick.Automaton()
    with open(names_file, encoding='utf-8') as f:
        for line in f:
            name = line.rstrip('\r\n').split('\t', 1)[0].strip()
            if name and not name.startswith('#'):
                automaton.add_word(name, name)
    automaton.make_automaton()
    with open(text_file, encoding='utf-8-sig') as f:
        text = f.read()
    n = len(text)
    out = []
    write = sys.stdout.write
    for end, name in automaton.iter(text):
        start = end - len(name) + 1
        if start > 0 and is_word(text[start - 1]):
            continue
        if end + 1 < n and is_word(text[end + 1]):
            continue
        out.append('{"start":%d,"end":%d,"name":%s}' % (start, end + 1, json.dumps(name, ensure_ascii=False)))
        if len(out) >= 4096:
            write('\n'.join(out) + '\n')
            out = []
    if out:
        write('\n'.join(out) + '\n')


main()
