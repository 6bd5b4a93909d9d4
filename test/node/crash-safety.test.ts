/**
 * Crash safety on PostgreSQL: State nodes run as separate processes and are
 * killed with SIGKILL at random points while requests are being delivered,
 * then restarted. Every request the sender committed as sent must end
 * delivered exactly once, with its receipt. Loopback only; bounded trials.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCheckpoint } from '../../src/log/checkpoint.js'
import { openNote, parseVerifierKey, signerFromSeed } from '../../src/log/signed-note.js'
import { TransparencyLog } from '../../src/log/transparency-log.js'
import { type RunningSecretariat, startSecretariat } from '../../src/node/secretariat.js'
import { addUser } from '../../src/node/services/users.js'
import type { RegistryDocument } from '../../src/registry/schema.js'
import { dropPgSchema, openPgStore } from '../../src/store/pg/pg-store.js'
import type { Store } from '../../src/store/store.js'
import { mlaDraft, RAW_REGISTRY } from '../helpers.js'
import { eventually } from '../support/federation.js'

const URL_ = process.env.DATABASE_URL
const TRIALS = Number(process.env.ROGATORY_CRASH_TRIALS ?? 20)
const BIN = fileURLToPath(new URL('../../bin/rogatory.js', import.meta.url))
const PASSWORD = 'crash-test-password'

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

describe.skipIf(!URL_)(
  'crash safety on PostgreSQL (SIGKILL during delivery and log batches)',
  () => {
    const tag = randomUUID().slice(0, 8)
    const schemas = {
      secretariat: `crash_sec_${tag}`,
      XAR: `crash_xar_${tag}`,
      XBO: `crash_xbo_${tag}`,
    }
    const dir = mkdtempSync(join(tmpdir(), 'rogatory-crash-'))
    const codes = new Map([
      ['XAR', randomUUID()],
      ['XBO', randomUUID()],
    ])
    let sec: RunningSecretariat
    const ports: Record<string, number> = {}
    const procs: Record<string, ChildProcess | undefined> = {}
    const enrolled = new Set<string>()
    const published: Record<'XAR' | 'XBO', string[]> = { XAR: [], XBO: [] }

    function start(state: 'XAR' | 'XBO'): Promise<void> {
      const args = [
        BIN,
        'node',
        '--state',
        state,
        '--port',
        String(ports[state]),
        '--secretariat',
        sec.url,
        '--secretariat-key',
        join(dir, 'sec.jwk'),
        '--schema',
        schemas[state],
        '--data',
        dir,
        '--treaty-date',
        '2027-06-01',
      ]
      if (!enrolled.has(state)) args.push('--enrolment-code', codes.get(state)!)
      const child = spawn(process.execPath, args, {
        env: { ...process.env, DATABASE_URL: URL_ },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      procs[state] = child
      return new Promise((resolve, reject) => {
        let out = ''
        const t = setTimeout(() => reject(new Error(`${state} did not start: ${out}`)), 20_000)
        child.stdout!.on('data', (d) => {
          out += d
          if (out.includes('listening')) {
            clearTimeout(t)
            enrolled.add(state)
            resolve()
          }
        })
        child.stderr!.on('data', (d) => {
          out += d
        })
        child.on('exit', (code) => {
          if (!out.includes('listening')) {
            clearTimeout(t)
            reject(new Error(`${state} exited ${code}: ${out}`))
          }
        })
      })
    }

    async function kill(state: 'XAR' | 'XBO'): Promise<void> {
      const p = procs[state]
      if (!p || p.exitCode !== null) return
      const exited = new Promise((r) => p.once('exit', r))
      p.kill('SIGKILL')
      await exited
    }

    async function api(
      state: string,
      method: string,
      path: string,
      body?: unknown,
      token?: string,
    ) {
      const r = await fetch(`http://127.0.0.1:${ports[state]}${path}`, {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(5000),
      })
      return { status: r.status, body: (await r.json()) as any }
    }

    let xarStore: Store
    let xboStore: Store

    beforeAll(async () => {
      sec = await startSecretariat({
        registry: RAW_REGISTRY as RegistryDocument,
        enrolmentCodes: codes,
        databaseUrl: URL_!,
        schema: schemas.secretariat,
      })
      writeFileSync(join(dir, 'sec.jwk'), JSON.stringify(sec.publicJwk))
      ports.XAR = await freePort()
      ports.XBO = await freePort()
      await start('XAR')
      await start('XBO')
      xarStore = await openPgStore({ url: URL_!, schema: schemas.XAR })
      xboStore = await openPgStore({ url: URL_!, schema: schemas.XBO })
      await addUser(xarStore, 'xar.approver', PASSWORD, ['drafter', 'approver'])
    }, 90_000)

    afterAll(async () => {
      await Promise.all([kill('XAR'), kill('XBO')])
      await xarStore?.close()
      await xboStore?.close()
      await sec?.close()
      for (const s of Object.values(schemas)) await dropPgSchema(URL_!, s)
      rmSync(dir, { recursive: true, force: true })
    })

    it(`delivers every sent request exactly once, and keeps every log consistent, across ${TRIALS} kills`, async () => {
      const login = async () =>
        (await api('XAR', 'POST', '/v1/session', { username: 'xar.approver', password: PASSWORD }))
          .body.token as string
      let token = await login()
      for (let trial = 0; trial < TRIALS; trial++) {
        // Queue a few requests; some calls may fail while XAR is down, which is fine: the database is the truth.
        for (let k = 0; k < 3; k++) {
          try {
            const d = await api(
              'XAR',
              'POST',
              '/v1/requests',
              {
                request: mlaDraft(),
              },
              token,
            )
            await api(
              'XAR',
              'POST',
              `/v1/requests/${d.body.id}/actions`,
              { action: 'approve' },
              token,
            )
            await api('XAR', 'POST', `/v1/requests/${d.body.id}/actions`, { action: 'send' }, token)
          } catch {
            // the node was killed mid-call
          }
        }
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 120)))
        // Keep every checkpoint each log publishes: after all the kills, each must still be consistent.
        for (const state of ['XAR', 'XBO'] as const) {
          const note = await fetch(`http://127.0.0.1:${ports[state]}/log/checkpoint`).then(
            (r) => r.text(),
            () => null,
          )
          if (note) published[state].push(note)
        }
        const victim = Math.random() < 0.5 ? 'XAR' : 'XBO'
        await kill(victim)
        await start(victim)
        if (victim === 'XAR') token = await login()
      }
      const sent = await xarStore.db
        .selectFrom('requests')
        .select('id')
        .where('state', 'in', ['sent', 'delivered'])
        .execute()
      expect(sent.length).toBeGreaterThan(TRIALS)
      await eventually(async () => {
        const pending = await xarStore.db
          .selectFrom('outbox')
          .select('message_id')
          .where('delivered_at', 'is', null)
          .execute()
        return pending.length === 0
      }, 60_000)
      const outbox = await xarStore.db
        .selectFrom('outbox')
        .selectAll()
        .where('kind', '=', 'request')
        .execute()
      const inbox = await xboStore.db
        .selectFrom('inbox')
        .select(['message_id', 'request_id'])
        .execute()
      const incoming = await xboStore.db.selectFrom('requests').select('id').execute()
      expect(outbox.length).toBe(sent.length)
      expect(outbox.every((m) => m.receipt && m.delivered_at)).toBe(true)
      // Exactly once: one inbox row per message, one request per id, nothing extra.
      expect(new Set(inbox.map((m) => m.message_id))).toEqual(
        new Set(outbox.map((m) => m.message_id)),
      )
      expect(inbox.length).toBe(outbox.length)
      expect(new Set(incoming.map((r) => r.id))).toEqual(new Set(sent.map((r) => r.id)))
      const states = await xarStore.db
        .selectFrom('requests')
        .select('state')
        .where('state', 'in', ['sent', 'delivered'])
        .execute()
      expect(states.every((s) => s.state === 'delivered')).toBe(true)

      // The logs: every transition committed is in the log once the queues drain (no acknowledged entry lost),
      // and every checkpoint published during the kills is consistent with the final tree (no rewritten history).
      for (const [state, store] of [
        ['XAR', xarStore],
        ['XBO', xboStore],
      ] as const) {
        await eventually(
          async () => (await store.db.selectFrom('log_queue').select('seq').execute()).length === 0,
          30_000,
        )
        const log = await TransparencyLog.open(store, {
          origin: `rogatory.example/log/${state}`,
          signer: signerFromSeed('unused', new Uint8Array(32)),
        })
        const transitions = await store.db
          .selectFrom('transitions')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        expect(log.size).toBe(Number(transitions.n))
        const vkey = parseVerifierKey(
          (await sec.current()).snapshot.nodes.find((n) => n.state === state)!.log!.vkey,
        )
        expect(published[state].length).toBeGreaterThan(TRIALS / 2)
        for (const note of published[state]) {
          const c = parseCheckpoint(openNote(note, [vkey]).text)
          expect(c.size).toBeLessThanOrEqual(log.size)
          expect(Buffer.from(log.root(c.size)).equals(Buffer.from(c.root))).toBe(true)
        }
      }
    }, 240_000)
  },
)
