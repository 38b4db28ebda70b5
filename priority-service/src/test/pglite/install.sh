#!/usr/bin/env bash
# Installs PGlite (PostgreSQL + pgvector in WASM) and its socket server into $1 (target/pglite), for
# PgvectorIndexTest; run by Maven in generate-test-resources. npm's cache lives beside it under target/. Never
# fails the build: without node/npm or the registry the test itself fails and says why (or is skipped on request,
# README "Testing the pgvector store").
set -u
src="$(cd "$(dirname "$0")" && pwd)"
dest="$1"
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$src/server.mjs" "$dest/"
marker="$dest/node_modules/.installed-from-lock"
if [ -f "$marker" ] && cmp -s "$src/package-lock.json" "$marker"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[pglite] npm not found: PgvectorIndexTest will fail (set PAPERSTREAM_SKIP_PGLITE=true to skip it)" >&2
  exit 0
fi
if (cd "$dest" && npm ci --omit=peer --no-audit --no-fund --loglevel=error --cache "$dest/../npm-cache" --prefer-offline); then
  cp "$src/package-lock.json" "$marker"
  echo "[pglite] installed into $dest"
else
  echo "[pglite] npm ci failed: PgvectorIndexTest will fail (set PAPERSTREAM_SKIP_PGLITE=true to skip it)" >&2
fi
exit 0
