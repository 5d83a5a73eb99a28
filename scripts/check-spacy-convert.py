#!/usr/bin/env python3
"""Reads the CoNLL output of `hashiya export --format conll` back with spaCy's own converter (`spacy convert
--converter ner`, as a user would before `spacy train`) and checks the entities it finds against the manifest:
their number, per label. (Documents and tokens are printed, not compared: the converter groups sentences into
documents its own way and keeps the -DOCSTART- lines as tokens.) Exits 1 on any difference.

    python3 scripts/check-spacy-convert.py OUT.conll [OUT.conll.manifest.json]
"""
import json
import os
import subprocess
import sys
import tempfile

import spacy
from spacy.tokens import DocBin


def main(path: str, manifest_path: str) -> int:
    with open(manifest_path, encoding="utf-8") as f:
        totals = json.load(f)["totals"]
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "spacy", "convert", path, out, "--converter", "ner", "--file-type", "spacy", "--n-sents", "0"], check=True, stdout=subprocess.DEVNULL)
        produced = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".spacy")]
        if len(produced) != 1:
            print(f"spacy convert wrote {produced}", file=sys.stderr)
            return 1
        docs = list(DocBin().from_disk(produced[0]).get_docs(spacy.blank("xx").vocab))
    labels: dict = {}
    for doc in docs:
        for ent in doc.ents:
            labels[ent.label_] = labels.get(ent.label_, 0) + 1
    found = {"entities": sum(labels.values()), "entitiesByLabel": dict(sorted(labels.items()))}
    expected = {"entities": totals["entities"], "entitiesByLabel": dict(sorted(totals["entitiesByLabel"].items()))}
    print(json.dumps({"spacy": spacy.__version__, "documents": len(docs), "tokens": sum(len(d) for d in docs), **found}, ensure_ascii=False))
    if found != expected:
        print(f"differs from the manifest: {json.dumps(expected, ensure_ascii=False)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else sys.argv[1] + ".manifest.json"))
