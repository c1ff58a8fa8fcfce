#!/usr/bin/env bash
# The main job: installs what is missing, builds in release and reproduces the paper's figures.
# Usage: scripts/reproduce.sh [--profile quick|paper] [--out DIR]   (default: quick profile into results/)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-libraries.sh
swift build -c release --product sparse-scaling >&2
exec .build/release/sparse-scaling reproduce "$@"
