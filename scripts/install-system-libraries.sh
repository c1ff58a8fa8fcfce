#!/usr/bin/env bash
# Installs the C libraries SparseScaling links against (OpenBLAS + LAPACKE, NLopt) when they are missing.
set -euo pipefail
needed=()
pkg-config --exists openblas 2>/dev/null || needed+=(libopenblas-dev pkg-config)
[ -f /usr/include/lapacke.h ] || needed+=(liblapacke-dev)
pkg-config --exists nlopt 2>/dev/null || needed+=(libnlopt-dev pkg-config)
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(uname)" != "Linux" ]; then
    echo "install OpenBLAS, LAPACKE and NLopt (e.g. brew install openblas nlopt) and make pkg-config find 'openblas' and 'nlopt'" >&2
    exit 1
  fi
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "installing ${needed[*]} ..." >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi
