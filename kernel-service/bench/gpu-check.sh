#!/usr/bin/env bash
# The GPU check of the kernel service, in two halves:
#   gpu-check.sh build   here (with a JDK 17 and Maven): a jlink'ed runtime, the kernel classes (with the
#                        nvcc-built sm_90 cubin) and the JavaCPP jars into kernel-service/target/gpu-bundle
#   gpu-check.sh [run]   on the GPU machine, from the repository root, with the bundle carried along:
#                        correctness checks, the sweep, PyTorch SDPA on the same shapes, one table.
# Results go to /tmp/gpu-check (correctness-*.json, sweep*.json, sdpa.json, logs, table.md); with $OUT set
# (the device tool), table.md and a gpu-check.tgz of the rest are copied there.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
bundle="$module/target/gpu-bundle"
out=/tmp/gpu-check

build() {
    set -e
    cd "$module/.."
    # one reactor run, so that the events module resolves to its fresh jar rather than to ~/.m2 (nothing is
    # installed); every module writes the class path file, the kernel-service (built last) wins
    ./mvnw -o -q -pl kernel-service -am package -DskipTests dependency:build-classpath \
        -Dmdep.outputFile="$module/target/gpu-classpath.txt" -Dmdep.includeScope=runtime
    cd "$module"
    rm -rf "$bundle"
    mkdir -p "$bundle/lib"
    jar cf "$bundle/lib/kernel-service.jar" -C target/classes .
    tr ':' '\n' < target/gpu-classpath.txt \
        | grep -E '/(events|jackson-(databind|core|annotations|datatype-jsr310)|javacpp|cuda)-[0-9][^/]*\.jar$' \
        | xargs -I{} cp {} "$bundle/lib/"
    jlink --add-modules java.base,java.logging,java.sql,jdk.unsupported,jdk.incubator.vector \
        --strip-debug --no-header-files --no-man-pages --compress=2 --output "$bundle/jre"
    du -sh "$bundle" "$bundle"/*
    ls "$bundle/lib"
}

# Directory holding a library: the loader cache, the usual CUDA places, then PyTorch's nvidia wheels.
find_lib() {
    local name="$1" path
    path=$(ldconfig -p 2>/dev/null | awk -v n="$name" '$1 == n { print $NF; exit }')
    if [ -z "$path" ]; then
        for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib /usr/local/nvidia/lib64 \
                /usr/lib/x86_64-linux-gnu /usr/lib64; do
            [ -e "$d/$name" ] && path="$d/$name" && break
        done
    fi
    if [ -z "$path" ]; then
        local site
        site=$(python3 -c 'import nvidia, os; print(os.path.dirname(list(nvidia.__path__)[0]))' 2>/dev/null)
        [ -n "$site" ] && path=$(find "$site/nvidia" -name "$name" 2>/dev/null | head -1)
    fi
    [ -n "$path" ] && dirname "$path"
}

run() {
    rm -rf "$out"
    mkdir -p "$out"
    nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv || true
    local dirs="" lib d
    for lib in libcuda.so.1 libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libnvrtc.so.13; do
        d=$(find_lib "$lib")
        if [ -z "$d" ]; then echo "missing $lib"; else echo "$lib in $d"; dirs="$dirs:$d"; fi
    done
    export LD_LIBRARY_PATH="${dirs#:}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    local java="$bundle/jre/bin/java"
    [ -x "$java" ] || { echo "no bundle at $bundle: run 'gpu-check.sh build' first and carry it"; exit 2; }
    local cp
    cp=$(ls "$bundle"/lib/*.jar | tr '\n' ':')
    local cli=("$java" -Xmx32g --add-modules jdk.incubator.vector -Dorg.bytedeco.javacpp.logger.debug=false
        -Dpaperstream.kernel.dump="$out/dump.jsonl" -cp "$cp" dev.paperstream.kernel.cli.KernelCli)

    for family in flash flash16 flash1; do
        echo "== correctness of naive and fused ($family) against float64, fresh random inputs, poisoned output"
        timeout 100 "${cli[@]/#-Dorg.bytedeco.javacpp.logger.debug=false/-Dpaperstream.kernel.cuda.fused=$family}" \
            "$here/gpu-correctness.json" --out "$out/correctness-$family.json" --warmups 1 --min-runs 2 \
            --max-runs 2 --check-rows 512 2>"$out/correctness-$family.log" | grep -E "cuda:| NO$|FAILED" | head -20
        echo "correctness ($family) exit status ${PIPESTATUS[0]}"
    done

    echo "== sweep (naive and fused)"
    timeout 200 "${cli[@]}" "$here/gpu-sweep.json" --out "$out/sweep.json" --warmups 3 --min-runs 10 \
        --max-runs 40 --target-seconds 0.5 --check-rows 128 2>"$out/sweep.log"
    echo "sweep exit status $?"
    for family in flash16 flash1; do
        echo "== sweep of fused ($family)"
        timeout 100 "${cli[@]/#-Dorg.bytedeco.javacpp.logger.debug=false/-Dpaperstream.kernel.cuda.fused=$family}" \
            "$here/gpu-sweep-fused.json" --out "$out/sweep-$family.json" --warmups 3 --min-runs 10 --max-runs 40 \
            --target-seconds 0.5 --check-rows 128 2>>"$out/sweep.log" | grep -E "cuda |FAILED"
    done

    echo "== PyTorch scaled_dot_product_attention on the same shapes"
    PYTHONUNBUFFERED=1 timeout 150 python3 "$here/sdpa.py" "$out/sdpa.json" "$out/table.md" "$out/sweep.json" \
        "$out/sweep-flash16.json" "$out/sweep-flash1.json"
    echo "sdpa exit status $?"
    if [ -n "${OUT:-}" ]; then
        tar czf "$OUT/gpu-check.tgz" -C "$out" . && cp "$out/table.md" "$OUT/" 2>/dev/null
    fi
}

case "${1:-run}" in
    build) build ;;
    run) run ;;
    *) echo "usage: $0 [build|run]"; exit 2 ;;
esac
