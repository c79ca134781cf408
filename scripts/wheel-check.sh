#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment outside the checkout and
# runs `cemassess --version` and `cemassess demo` there: proves resources/ ships inside it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/.venv/bin/python" -m pip wheel --quiet --no-deps -w "$tmp/dist" "$here"
python3 -m venv "$tmp/venv"
# A fresh environment: the wheel and its declared runtime dependencies only (pip's cache
# keeps this quick after the first run).
"$tmp/venv/bin/python" -m pip install --quiet "$tmp"/dist/*.whl
cd "$tmp"
"$tmp/venv/bin/cemassess" --version
"$tmp/venv/bin/cemassess" demo "$tmp/demo.json" >/dev/null
"$tmp/venv/bin/cemassess" score "$tmp/demo.json" --json >/dev/null
echo "wheel-check: ok (installed wheel runs --version, demo and score)"
