/**
 * @module node/services/witness-protocol
 *
 * C2SP tlog-witness over HTTP, both ends. As a witness, a node answers
 * `POST /witness/add-checkpoint` for the logs of the States in the
 * register: it verifies the checkpoint against the log key there (404
 * unknown origin, 403 no valid signature), requires the old size to be the
 * size it last cosigned (409 with `text/x.tlog.size` otherwise), checks the
 * RFC 6962 consistency proof (422, and an alarm: the log signed it), then
 * records and cosigns, atomically. As a log, a node submits each new
 * checkpoint to its peers' witnesses and keeps the cosignatures it gets.
 * The receipt path (witness.ts) and this one share the same record of the
 * last checkpoint seen per log.
 */

import type { Transaction } from 'kysely'
import { parseCheckpoint } from '../../log/checkpoint.js'
import { cosign, parseCosignerKey } from '../../log/cosignature.js'
import { equalHashes, HASH_SIZE } from '../../log/hashing.js'
import { verifyConsistency } from '../../log/proofs.js'
import { noteText, openNote, parseVerifierKey } from '../../log/signed-note.js'
import type { Database } from '../../store/schema.js'
import { type NodeRuntime, nowIso } from '../runtime.js'

export interface WitnessReply {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

const reply = (status: number, body: string, contentType = 'text/plain; charset=utf-8') => ({
  status,
  contentType,
  body,
})

const MAX_BODY = 64 * 1024

/** The witness side of add-checkpoint. `body` is attacker-controlled. */
export async function addCheckpoint(rt: NodeRuntime, body: unknown): Promise<WitnessReply> {
  if (typeof body !== 'string' || body.length > MAX_BODY) return reply(400, 'body must be text\n')
  const blank = body.indexOf('\n\n')
  if (blank < 0) return reply(400, 'no empty line before the checkpoint\n')
  const head = body.slice(0, blank).split('\n')
  const note = body.slice(blank + 2)
  const m = /^old (0|[1-9][0-9]{0,15})$/.exec(head[0] ?? '')
  if (!m) return reply(400, 'first line must be "old <size>"\n')
  const old = Number(m[1])
  const proofLines = head.slice(1)
  if (proofLines.length > 63) return reply(400, 'too many proof lines\n')
  const proof: Uint8Array[] = []
  for (const l of proofLines) {
    const h = Buffer.from(l, 'base64')
    if (h.length !== HASH_SIZE || h.toString('base64') !== l) return reply(400, 'bad proof line\n')
    proof.push(new Uint8Array(h))
  }
  const origin = note.slice(0, note.indexOf('\n'))
  const node = rt.snapshot.directory.snapshot.nodes.find((n) => n.log?.origin === origin)
  if (!node?.log) return reply(404, 'unknown log origin\n')
  let c: ReturnType<typeof parseCheckpoint>
  try {
    c = parseCheckpoint(openNote(note, [parseVerifierKey(node.log.vkey)]).text)
  } catch {
    return reply(403, 'no signature by a trusted key for this origin\n')
  }
  if (old > c.size) return reply(400, 'old size is larger than the checkpoint size\n')
  if (old === 0 && proof.length > 0) return reply(400, 'the proof must be empty from size 0\n')
  const at = nowIso(rt)
  try {
    return await rt.store.db.transaction().execute(async (trx) => {
      const seen = await trx
        .selectFrom('witness_seen')
        .selectAll()
        .where('origin', '=', origin)
        .forUpdate()
        .executeTakeFirst()
      const seenSize = seen ? Number(seen.size) : 0
      const conflict = () => reply(409, `${seenSize}\n`, 'text/x.tlog.size')
      if (old !== seenSize) return conflict()
      if (seen && old === c.size && !equalHashes(new Uint8Array(seen.root), c.root)) {
        await raiseAlarm(
          trx,
          node.state,
          'two different roots for the same tree size',
          seen.checkpoint,
          note,
          at,
        )
        return conflict()
      }
      if (seen && old > 0 && old < c.size) {
        if (!verifyConsistency(old, c.size, new Uint8Array(seen.root), c.root, proof)) {
          await raiseAlarm(
            trx,
            node.state,
            'add-checkpoint: the consistency proof does not verify',
            seen.checkpoint,
            note,
            at,
          )
          return reply(422, 'consistency proof does not verify\n')
        }
      }
      const bodyText = noteText(note)
      const cosignature = cosign(bodyText, rt.witness)
      const row = { size: c.size, root: c.root, checkpoint: note, cosignature, seen_at: at }
      if (seen)
        await trx.updateTable('witness_seen').set(row).where('origin', '=', origin).execute()
      else
        await trx
          .insertInto('witness_seen')
          .values({ origin, ...row })
          .execute()
      return reply(200, cosignature)
    })
  } catch {
    // A concurrent submission for the same log won: report the size now recorded.
    const now = await rt.store.db
      .selectFrom('witness_seen')
      .select('size')
      .where('origin', '=', origin)
      .executeTakeFirst()
    return reply(409, `${now ? Number(now.size) : 0}\n`, 'text/x.tlog.size')
  }
}

async function raiseAlarm(
  db: Transaction<Database>,
  subject: string,
  reason: string,
  seen: string,
  now: string,
  at: string,
) {
  await db
    .insertInto('alarms')
    .values({
      kind: 'split-view',
      subject,
      detail: JSON.stringify({ reason, seen, now }),
      raised_at: at,
    })
    .execute()
}

/**
 * The log side: submit the current checkpoint to every peer's witness,
 * learning the witness's size from a 409 and sending the consistency
 * proof; keep each cosignature that verifies against the register.
 * Returns how many witnesses cosigned, and how many could not be reached.
 */
export async function submitToWitnesses(
  rt: NodeRuntime,
  known: Map<string, number>,
  abort?: AbortSignal,
): Promise<{ cosigned: number; unreached: number }> {
  const note = rt.log.checkpoint
  const size = parseCheckpoint(noteText(note)).size
  let cosigned = 0
  let unreached = 0
  for (const peer of rt.snapshot.directory.snapshot.nodes) {
    if (peer.state === rt.settings.state || !peer.log?.witness) continue
    const witness = parseCosignerKey(peer.log.witness)
    for (let attempt = 0; attempt < 2; attempt++) {
      const old = Math.min(known.get(peer.state) ?? 0, size)
      const proof = old > 0 && old < size ? rt.log.consistencyProof(old, size) : []
      const body = `old ${old}\n${proof.map((p) => `${Buffer.from(p).toString('base64')}\n`).join('')}\n${note}`
      const res = await fetch(new URL('/witness/add-checkpoint', peer.url), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body,
        signal: abort
          ? AbortSignal.any([abort, AbortSignal.timeout(5000)])
          : AbortSignal.timeout(5000),
      }).catch(() => undefined)
      if (!res) {
        unreached++
        break
      }
      const text = await res.text()
      if (res.status === 409 && /^\d+\n$/.test(text)) {
        const theirs = Number(text.trim())
        if (theirs > size) break // the witness has seen more of us than we have: nothing to submit
        known.set(peer.state, theirs)
        continue
      }
      if (res.ok) {
        try {
          await rt.log.addCosignature(size, witness, text.trimEnd())
          known.set(peer.state, size)
          cosigned++
        } catch {
          // A cosignature that does not verify is ignored, per the protocol.
        }
      }
      break
    }
  }
  return { cosigned, unreached }
}

/** Submit each new checkpoint to the peers' witnesses, at most every `intervalMs`. */
export function startSubmitting(rt: NodeRuntime, intervalMs: number) {
  const known = new Map<string, number>()
  let last = ''
  let running: Promise<unknown> | undefined
  let lastVersion = -1
  // Stopping cancels submissions in flight, so a node shuts down without waiting on its peers.
  const stopping = new AbortController()
  const tick = () => {
    if (running) return
    running = (async () => {
      // Peers that enrolled since our snapshot are witnesses too: keep the register fresh.
      await rt.snapshot.refreshIfStale(10_000)
      const note = rt.log.checkpoint
      const version = rt.snapshot.version
      if (note === last && version === lastVersion) return
      const r = await submitToWitnesses(rt, known, stopping.signal)
      if (r.unreached === 0) {
        last = note
        lastVersion = version
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      stopping.abort()
      await running
    },
  }
}
