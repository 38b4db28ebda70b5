#!/usr/bin/env bash
# CPU attention benchmark: naive against tiled, measured in the same run.
# Usage: kernel-service/bench/cpu-bench.sh [HEAP] [SEQ HEAD_DIM BATCH_X_HEADS [CAUSAL [VARIANTS]]]
#   cpu-bench.sh 4g 4096 64 8            the issue's shape (defaults)
#   cpu-bench.sh 1g 65536 64 1 false     O(N) memory: tiled runs in a 1 GiB heap, naive cannot
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
heap="${1:-4g}"
shift || true
cd "$module/.."
./mvnw -o -q -pl kernel-service test-compile
(cd "$module" && ../mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test)
exec java -Xmx"$heap" --add-modules jdk.incubator.vector \
    -cp "$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench-classpath.txt")" \
    dev.paperstream.kernel.bench.CpuAttentionBenchmark "$@"
