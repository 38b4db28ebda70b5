#!/usr/bin/env bash
# CPU attention benchmark: naive against tiled, measured in the same run.
# Each variant's GFLOP/s is also printed as a share of the FMA peak measured in the same run (FmaPeak).
# Usage: kernel-service/bench/cpu-bench.sh [HEAP] [SEQ HEAD_DIM BATCH_X_HEADS [CAUSAL [VARIANTS [OPTIONS]]]]
#   cpu-bench.sh 4g 4096 64 8            the issue's shape (defaults)
#   cpu-bench.sh 1g 65536 64 1 false     O(N) memory: tiled runs in a 1 GiB heap, naive cannot
#   cpu-bench.sh 4g 4096 64 8 false naive,tiled dropout=0.1 padding=0.25 mask=0.5   training mode, masked
# Works from a fresh clone: the reactor builds the modules it needs (-am) and nothing is installed.
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
heap="${1:-4g}"
shift || true
cd "$module/.."
# In one reactor run, so that the sibling modules resolve to their fresh target/classes rather than to ~/.m2;
# every module writes the file, the kernel-service (built last) writes it last.
./mvnw -o -q -pl kernel-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench-classpath.txt" -Dmdep.includeScope=test
exec java -Xmx"$heap" --add-modules jdk.incubator.vector \
    -cp "$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")" \
    dev.paperstream.kernel.bench.CpuAttentionBenchmark "$@"
