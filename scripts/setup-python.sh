#!/usr/bin/env bash
# The Python side of the tests: real spaCy and Hugging Face `datasets` read our exports back. Installs
# spacy==3.8.16 and datasets==5.0.1 into a virtual environment in .tmp/pyenv (ignored by git), from a local folder
# of wheels when there is one (offline: HASHIYA_WHEELS, default /opt/pypi/files), else from the package index pip
# is configured with. Exits non-zero, saying what to do, when neither works; the tests that need it then fail.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.tmp/pyenv
wheels=${HASHIYA_WHEELS:-/opt/pypi/files}
packages=(spacy==3.8.16 datasets==5.0.1)

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import spacy, datasets; assert spacy.__version__ == "3.8.16" and datasets.__version__ == "5.0.1"' 2>/dev/null; then
  echo "setup-python: $venv has spaCy 3.8.16 and datasets 5.0.1"
  exit 0
fi
python=$(command -v python3.11 || command -v python3 || true)
if [ -z "$python" ]; then
  echo "setup-python: no python3 on this machine (apt-get install python3 python3-venv)" >&2
  exit 1
fi
mkdir -p .tmp
"$python" -m venv "$venv"
if ls "$wheels"/spacy-3.8.16-*.whl "$wheels"/datasets-5.0.1-*.whl >/dev/null 2>&1; then
  echo "setup-python: installing ${packages[*]} offline from $wheels"
  "$venv/bin/pip" install --quiet --no-index --find-links "$wheels" "${packages[@]}"
else
  echo "setup-python: no wheels in $wheels; installing ${packages[*]} from the package index"
  if ! "$venv/bin/pip" install --quiet "${packages[@]}"; then
    echo "setup-python: could not install ${packages[*]}: give a folder of wheels with HASHIYA_WHEELS=DIR bash scripts/setup-python.sh" >&2
    exit 1
  fi
fi
"$venv/bin/python" -c 'import spacy, datasets; print("setup-python: spaCy", spacy.__version__, "datasets", datasets.__version__)'
