#!/bin/sh
# What the benchmarks need beyond node_modules: pyahocorasick (Debian's python3-ahocorasick, a C extension) as
# the peer of `hashiya suggest`, and GNU time for peak memory of whole processes. Debian/Ubuntu, as root.
set -e
if ! /usr/bin/python3 -c 'import ahocorasick' 2>/dev/null || [ ! -x /usr/bin/time ]; then
  apt-get install -y python3-ahocorasick time || { apt-get update && apt-get install -y python3-ahocorasick time; }
fi
/usr/bin/python3 -c 'import ahocorasick; print("pyahocorasick", ahocorasick.__file__)'
