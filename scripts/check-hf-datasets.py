#!/usr/bin/env python3
"""Loads the `hf-jsonl` export of `hashiya export --format hf-jsonl --split ...` (a folder with one .jsonl per split,
labels.json and manifest.json) with Hugging Face `datasets`, the tag names of labels.json as a ClassLabel, and checks
it against the manifest: sentences, tokens and entities (spans begun by B- or S-) of every split, and the label names
read back through the ClassLabel. Exits 1 on any difference.

    python3 scripts/check-hf-datasets.py OUT_FOLDER
"""
import json
import os
import sys

from datasets import ClassLabel, Features, Sequence, Value, load_dataset


def main(folder: str) -> int:
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(folder, "labels.json"), encoding="utf-8") as f:
        names = json.load(f)
    features = Features({"id": Value("string"), "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})
    files = {name: os.path.join(folder, split["files"][0]) for name, split in manifest["splits"].items()}
    data = load_dataset("json", data_files=files, features=features)
    tag = data[next(iter(files))].features["ner_tags"].feature
    found, expected = {}, {}
    for name, split in manifest["splits"].items():
        rows = data[name]
        labels: dict = {}
        for row in rows:
            assert len(row["tokens"]) == len(row["ner_tags"]), row["id"]
            for t in row["ner_tags"]:
                n = tag.int2str(t)
                if n[:2] in ("B-", "S-"):
                    labels[n[2:]] = labels.get(n[2:], 0) + 1
        found[name] = {
            "sentences": rows.num_rows,
            "tokens": sum(len(r["tokens"]) for r in rows),
            "entities": sum(labels.values()),
            "entitiesByLabel": dict(sorted(labels.items())),
        }
        expected[name] = {k: split[k] for k in ("sentences", "tokens", "entities")}
        expected[name]["entitiesByLabel"] = dict(sorted(split["entitiesByLabel"].items()))
    print(json.dumps({"datasets": __import__("datasets").__version__, "names": tag.num_classes, **found}, ensure_ascii=False))
    if found != expected:
        print(f"differs from the manifest: {json.dumps(expected, ensure_ascii=False)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
