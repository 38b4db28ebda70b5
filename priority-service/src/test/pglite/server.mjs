// PostgreSQL with pgvector for PgvectorIndexTest and PgvectorBenchmark: PGlite (PostgreSQL compiled to WASM, in
// memory) served over the wire protocol on 127.0.0.1:<port>. Prints "LISTENING <port>" when ready; ends when its
// standard input closes (the JVM that started it ended), on SIGTERM, or on SIGINT.
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node server.mjs <port> [data directory]')
  process.exit(2)
}
// an optional data directory keeps the database on disk instead of in WASM memory (large benchmarks)
const dataDir = process.argv[3]
const db = await PGlite.create({ dataDir, extensions: { vector } })
// PGlite is one session: the server multiplexes connections onto it and runs a transaction's statements alone,
// so session state (prepared statement names, SET) is shared: clients must use prepareThreshold=0
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 4 })
await server.start()
console.log(`LISTENING ${port}`)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await server.stop()
  await db.close()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
