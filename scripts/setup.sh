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
  python3-jsonschema          # SARIF reports validated against the SARIF 2.1.0 schema
  pybind11-dev python3-dev    # the Python package permeq (python/), built for Debian's python3
  python3-numpy python3-torch # ... its arrays and permeq.torch (torch.onnx.export)
  python3-torchvision python3-torchaudio # models by other people checked in the Python tests
  python3-pytest              # the Python test suite
  libonnx-dev libprotobuf-dev # ONNX import
)
# Needed only by the browser test of the HTML report (tests/html_report_browser_test.py), which is
# skipped with a message where Chromium cannot be installed.
browser_packages=(chromium fonts-dejavu-core)

missing=() missing_browser=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for p in "${browser_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_browser+=("$p")
done

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_browser[@]} -eq 0 ]; then
  echo "setup: all $(( ${#packages[@]} + ${#browser_packages[@]} )) packages are installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ ${#missing_browser[@]} -gt 0 ]; then
  echo "setup: installing ${missing_browser[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing_browser[@]}" ||
    echo "setup: warning: could not install ${missing_browser[*]}: the browser test of the HTML report will be skipped"
fi
