/**
 * @module bench/log
 *
 * Transparency-log throughput: durable, batched appends per second (entries
 * queued, then integrated in batches of 256 with their subtree hashes and a
 * signed checkpoint per batch), and inclusion-proof verifications per
 * second, with published anchors for comparison.
 */
import { randomBytes } from 'node:crypto'
import { CheckpointVerifier } from '../log/checkpoint-verifier.js'
import { leafHash } from '../log/hashing.js'
import { MerkleTree } from '../log/merkle-tree.js'
import { verifyInclusion } from '../log/proofs.js'
import { signerFromSeed } from '../log/signed-note.js'
import { TransparencyLog } from '../log/transparency-log.js'
import { openStore } from '../store/open-store.js'

const log = (s: string) => process.stderr.write(`${s}\n`)
const N = 20_000

async function appends(): Promise<{ backend: string; rate: number }> {
  const databaseUrl = process.env.DATABASE_URL
  const schema = `bench_log_${randomBytes(4).toString('hex')}`
  const store = await openStore(databaseUrl ? { databaseUrl, schema } : {})
  try {
    const tlog = await TransparencyLog.open(store, {
      origin: 'rogatory.example/log/BENCH',
      signer: signerFromSeed('rogatory.example/log/BENCH', randomBytes(32)),
    })
    const entry = (i: number) =>
      new TextEncoder().encode(
        JSON.stringify({ v: 1, event: 'transition', rid: `r-${i}`, at: new Date().toISOString() }),
      )
    log(`  appending ${N} entries (${store.backend})…`)
    const start = performance.now()
    for (let i = 0; i < N; i += 1000) {
      await store.db
        .insertInto('log_queue')
        .values(Array.from({ length: 1000 }, (_, j) => ({ entry: entry(i + j), queued_at: 'now' })))
        .execute()
    }
    while ((await tlog.integrate()) > 0) {
      // integrate every batch
    }
    const seconds = (performance.now() - start) / 1000
    if (tlog.size !== N) throw new Error(`bench: ${tlog.size} of ${N} integrated`)
    return { backend: store.backend, rate: N / seconds }
  } finally {
    if (databaseUrl) {
      const { dropPgSchema } = await import('../store/pg/pg-store.js')
      await store.close()
      await dropPgSchema(databaseUrl, schema)
    } else {
      await store.close()
    }
  }
}

function proofs(): { single: number; batch: number; warm: number; distinct: number } {
  const t = new MerkleTree()
  for (let i = 0; i < 1 << 20; i++)
    t.appendLeafHash(leafHash(new Uint8Array([i & 255, (i >> 8) & 255, i >> 16])))
  const root = t.root()
  // Distinct leaves spread over the whole tree (a multiplicative walk), proofs made before timing.
  const distinct = 100_000
  const cases = Array.from({ length: distinct }, (_, i) => {
    const index = (i * 2_654_435_761) % t.size
    return { index, leaf: t.node(0, index)!, proof: t.inclusionProof(index) }
  })
  let n = 0
  let start = performance.now()
  while (performance.now() - start < 2000) {
    const c = cases[n % cases.length]!
    if (!verifyInclusion(c.index, t.size, c.leaf, c.proof, root))
      throw new Error('bench: proof failed')
    n++
  }
  const single = (n / (performance.now() - start)) * 1000
  // One pass over the distinct proofs with a cold CheckpointVerifier: what an auditor checking a checkpoint does.
  const v = new CheckpointVerifier(t.size, root)
  start = performance.now()
  for (const c of cases)
    if (!v.verifyInclusion(c.index, c.leaf, c.proof)) throw new Error('bench: proof failed')
  const batch = (distinct / (performance.now() - start)) * 1000
  // A second pass, as a monitor re-checking the same checkpoint.
  start = performance.now()
  for (const c of cases)
    if (!v.verifyInclusion(c.index, c.leaf, c.proof)) throw new Error('bench: proof failed')
  const warm = (distinct / (performance.now() - start)) * 1000
  return { single, batch, warm, distinct }
}

log('Rogatory log bench')
const a = await appends()
log('  building a 2^20-leaf tree and verifying inclusion proofs…')
const p = proofs()
console.log('| operation | this machine | anchor |')
console.log('|---|---|---|')
console.log(
  `| durable batched appends/s (${a.backend}) | ${Math.round(a.rate).toLocaleString('en-US')} | Tessera POSIX on NVMe ~10,000/s; Trillian on MySQL ~450/s |`,
)
console.log(
  `| inclusion-proof verifications/s, one at a time (depth 20) | ${Math.round(p.single).toLocaleString('en-US')} | goal 100,000/s |`,
)
console.log(
  `| inclusion-proof verifications/s against one checkpoint, ${p.distinct.toLocaleString('en-US')} distinct leaves, cold cache | ${Math.round(p.batch).toLocaleString('en-US')} | goal 100,000/s |`,
)
console.log(
  `| the same ${p.distinct.toLocaleString('en-US')} proofs again, warm cache | ${Math.round(p.warm).toLocaleString('en-US')} | goal 100,000/s |`,
)
