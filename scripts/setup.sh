#!/usr/bin/env bash
# Installs every Debian package permeq needs to build and test. Safe to run again: it installs
# only what is missing. Uses sudo when not run as root.
set -euo pipefail

packages=(
  g++ cmake make pkg-config   # toolchain
  libboost-dev libgmp-dev     # exact rationals (Boost.Multiprecision on GMP)
  libz3-dev z3                # symbolic prover
  cvc5                        # second solver for proofs/
  libeigen3-dev               # numeric engine
  nlohmann-json3-dev          # JSON graphs and reports
  libcli11-dev                # command line
  libyaml-cpp-dev             # policy files
  libtinyxml2-dev             # JUnit XML reports
  graphviz                    # --svg pictures
  doctest-dev                 # tests
  python3                     # test helpers
  pybind11-dev python3-dev    # the Python package permeq (python/), built for Debian's python3
  python3-numpy python3-torch # ... its arrays and permeq.torch (torch.onnx.export)
  python3-pytest              # the Python test suite
  libonnx-dev libprotobuf-dev # ONNX import
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
