/**
 * @module bench/exchange
 *
 * End-to-end exchange throughput against the bare jose floor, measured in
 * the same run: requests per second from "send" to "delivered with a
 * verified receipt, stored on both sides", for 4 KB and 1 MB payloads,
 * with p50/p99 latency. The floor is jose's CompactSign → CompactEncrypt →
 * compactDecrypt → compactVerify of the same payload, serially, in one
 * process. PostgreSQL when DATABASE_URL is set, else embedded PGlite.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify } from 'jose'
import { EXAMPLES_DIR } from '../cli/commands/demo.js'
import { generateNodeKey, keyFromJwk } from '../envelope/keys.js'
import { startFederation } from '../node/federation.js'
import { act, createDraft } from '../node/services/requests.js'
import type { RegistryDocument } from '../registry/schema.js'

const log = (s: string) => process.stderr.write(`${s}\n`)
const registry = JSON.parse(
  readFileSync(join(EXAMPLES_DIR, 'registry.json'), 'utf8'),
) as RegistryDocument

async function joseFloor(payload: Uint8Array, ms: number): Promise<number> {
  const [sig, enc] = await Promise.all([generateNodeKey('sig'), generateNodeKey('enc')])
  const [sk, pk, ek, dk] = await Promise.all([
    keyFromJwk(sig.privateJwk, 'EdDSA'),
    keyFromJwk(sig.publicJwk, 'EdDSA'),
    keyFromJwk(enc.publicJwk, 'ECDH-ES+A256KW'),
    keyFromJwk(enc.privateJwk, 'ECDH-ES+A256KW'),
  ])
  const encoder = new TextEncoder()
  let n = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    const jws = await new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA' }).sign(sk)
    const jwe = await new CompactEncrypt(encoder.encode(jws))
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' })
      .encrypt(ek)
    const { plaintext } = await compactDecrypt(jwe, dk)
    await compactVerify(new TextDecoder().decode(plaintext), pk)
    n++
  }
  return (n / (performance.now() - start)) * 1000
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN
}

async function exchange(payloadBytes: number, count: number, concurrency: number) {
  const databaseUrl = process.env.DATABASE_URL
  const tag = randomBytes(4).toString('hex')
  const fed = await startFederation({
    registry,
    states: ['XAR', 'XBO'],
    dataDir: mkdtempSync(join(tmpdir(), 'rogatory-bench-')),
    portBase: 0,
    treatyDate: '2027-06-01',
    deliveryIntervalMs: 20,
    ...(databaseUrl
      ? { storeFor: (name: string) => ({ databaseUrl, schema: `bench_${name}_${tag}` }) }
      : {}),
  })
  try {
    const rt = fed.nodes.get('XAR')!.runtime
    const user = { username: 'bench', roles: ['drafter', 'approver'] as const }
    const filler = 'x'.repeat(Math.max(0, payloadBytes - 600))
    log(`  preparing ${count} approved requests of ~${payloadBytes} bytes…`)
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const d = await createDraft(
        rt,
        { ...user, roles: [...user.roles] },
        {
          request: {
            type: 'mla',
            to: 'XBO',
            offence: 'XAR-PC-302',
            conduct: ['computer-fraud'],
            language: 'en',
            fields: {
              requestingAuthority: 'Prosecutor',
              subjectMatter: `Bench ${i}`,
              factsSummary: filler,
              assistanceSought: 'Records',
              purposeAndPeriod: 'Bench',
            },
          },
        },
      )
      await act(rt, { ...user, roles: [...user.roles] }, d.id, { action: 'approve' })
      ids.push(d.id)
    }
    log(`  sending ${count} with ${concurrency} in flight…`)
    const start = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ids.length)
          await act(rt, { ...user, roles: [...user.roles] }, ids[next++]!, { action: 'send' })
      }),
    )
    const deadline = Date.now() + 300_000
    for (;;) {
      const left = await rt.store.db
        .selectFrom('outbox')
        .select('message_id')
        .where('delivered_at', 'is', null)
        .execute()
      if (left.length === 0) break
      if (Date.now() > deadline) throw new Error('bench: delivery did not finish')
      await new Promise((r) => setTimeout(r, 10))
    }
    const elapsed = performance.now() - start
    const rows = await rt.store.db
      .selectFrom('transitions')
      .select(['request_id', 'action', 'at'])
      .where('action', 'in', ['send', 'receipt'])
      .execute()
    const at = new Map<string, { send?: number; receipt?: number }>()
    for (const r of rows) {
      const e = at.get(r.request_id) ?? {}
      e[r.action as 'send' | 'receipt'] = Date.parse(r.at)
      at.set(r.request_id, e)
    }
    const lat = [...at.values()].filter((e) => e.send && e.receipt).map((e) => e.receipt! - e.send!)
    const stored = await fed.nodes
      .get('XBO')!
      .runtime.store.db.selectFrom('requests')
      .select('id')
      .execute()
    if (stored.length !== count)
      throw new Error(`bench: ${stored.length} of ${count} stored at XBO`)
    return {
      rps: (count / elapsed) * 1000,
      p50: pct(lat, 0.5),
      p99: pct(lat, 0.99),
      backend: fed.nodes.get('XAR')!.runtime.store.backend,
    }
  } finally {
    await fed.close()
  }
}

log(
  `Rogatory exchange bench — node ${process.version}; ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
)
const results: string[] = []
for (const [size, count, label] of [
  [4 * 1024, 300, '4 KB'],
  [1024 * 1024, 20, '1 MB'],
] as const) {
  log(`${label}: measuring the jose floor…`)
  const floor = await joseFloor(randomBytes(size), 3000)
  log(`${label}: measuring end to end…`)
  const e2e = await exchange(size, count, 16)
  results.push(
    `| ${label} | ${e2e.backend} | ${floor.toFixed(0)} | ${e2e.rps.toFixed(0)} | ${((100 * e2e.rps) / floor).toFixed(0)}% | ${e2e.p50.toFixed(0)} ms | ${e2e.p99.toFixed(0)} ms |`,
  )
}
console.log(
  '| payload | backend | jose floor (seal+open/s) | end to end (requests/s) | ratio | p50 latency | p99 latency |',
)
console.log('|---|---|---|---|---|---|---|')
for (const r of results) console.log(r)
