#!/usr/bin/env python3
"""Loads a `.spacy` file written by `hashiya export --format spacy` with real spaCy and checks it against the
manifest written beside it: documents, tokens, sentences, entities per label, and every entity's text equal to the
characters it spans. Needs spaCy v3 (`pip install spacy`); exits 1 on any difference.

    python3 scripts/check-spacy.py OUT.spacy [OUT.spacy.manifest.json]
"""
import json
import sys

import spacy
from spacy.tokens import DocBin


def main(path: str, manifest_path: str) -> int:
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))
    with open(manifest_path, encoding="utf-8") as f:
        totals = json.load(f)["totals"]
    labels: dict = {}
    for doc in docs:
        for ent in doc.ents:
            labels[ent.label_] = labels.get(ent.label_, 0) + 1
    found = {
        "documents": len(docs),
        "tokens": sum(len(d) for d in docs),
        "sentences": sum(len(list(d.sents)) for d in docs),
        "entities": sum(len(d.ents) for d in docs),
        "entitiesByLabel": dict(sorted(labels.items())),
    }
    expected = {key: totals[key] for key in found}
    expected["entitiesByLabel"] = dict(sorted(expected["entitiesByLabel"].items()))
    misplaced = [(e.text, e.label_) for d in docs for e in d.ents if e.text != d.text[e.start_char:e.end_char]]
    print(json.dumps({"spacy": spacy.__version__, **found}, ensure_ascii=False))
    if found != expected or misplaced:
        print(f"differs from the manifest: {json.dumps(expected, ensure_ascii=False)}; misplaced: {misplaced[:5]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else sys.argv[1] + ".manifest.json"))
