#!/usr/bin/env bash
# Compiles the CUDA kernels ahead of time for Hopper (sm_90) into the classpath, and fails the build
# when ptxas reports register spills or a stack frame (local memory on the hot path).
# Usage: nvcc-cubin.sh SOURCE.cu OUTPUT_DIR [NVCC]
set -euo pipefail
src="$1"
out="$2"
nvcc="${3:-nvcc}"
mkdir -p "$out"
report=$("$nvcc" -cubin -arch=sm_90 -O3 -Xptxas -v -o "$out/attention.sm_90.cubin" "$src" 2>&1)
echo "$report" | grep -E "Compiling entry|Used|spill" | sed 's/^/[nvcc] /'
if echo "$report" | grep -E "spill (stores|loads)" | grep -vq " 0 bytes spill stores, 0 bytes spill loads"; then
    echo "[nvcc] register spills in $src" >&2
    exit 1
fi
if echo "$report" | grep -E "bytes stack frame" | grep -vq "^ *0 bytes stack frame"; then
    echo "[nvcc] a kernel of $src uses a stack frame" >&2
    exit 1
fi
