/**
 * @module node/services/witness
 *
 * Every node witnesses its peers' logs. Each receipt carries the
 * receiver's latest signed checkpoint; the sender verifies it with the
 * log key in the register and checks it against the last checkpoint it
 * saw from that log: same size → same root; larger → a consistency proof
 * (fetched from the peer, verified here); smaller → consistent with what
 * was seen. Then it cosigns (C2SP tlog-cosignature). Anything else is a
 * split view — the log showed two histories — and raises an alarm that
 * the API and CLI show. A peer that cannot be reached is simply not
 * witnessed this time.
 */
import { RogatoryError } from '../../errors/rogatory-error.js'
import { type Checkpoint, parseCheckpoint } from '../../log/checkpoint.js'
import { cosign } from '../../log/cosignature.js'
import { equalHashes } from '../../log/hashing.js'
import { verifyConsistency } from '../../log/proofs.js'
import { noteText, openNote, parseVerifierKey } from '../../log/signed-note.js'
import { type NodeRuntime, nowIso } from '../runtime.js'

export type WitnessOutcome = 'new' | 'same' | 'consistent' | 'older' | 'skipped' | 'alarm'

const bytes = (v: Uint8Array) => new Uint8Array(v)

async function raise(
  rt: NodeRuntime,
  kind: string,
  subject: string,
  detail: unknown,
): Promise<'alarm'> {
  await rt.store.db
    .insertInto('alarms')
    .values({ kind, subject, detail: JSON.stringify(detail), raised_at: nowIso(rt) })
    .execute()
  return 'alarm'
}

async function fetchConsistency(
  url: string,
  first: number,
  second: number,
): Promise<Uint8Array[] | undefined> {
  try {
    const res = await fetch(
      new URL(`/v1/log/proof/consistency?first=${first}&second=${second}`, url),
      { signal: AbortSignal.timeout(5000) },
    )
    if (!res.ok) return undefined
    const body = (await res.json()) as { proof?: unknown }
    if (!Array.isArray(body.proof) || body.proof.length > 128) return []
    return body.proof.map((p) => new Uint8Array(Buffer.from(String(p), 'base64')))
  } catch {
    return undefined
  }
}

export async function witnessCheckpoint(
  rt: NodeRuntime,
  peer: string,
  note: unknown,
): Promise<WitnessOutcome> {
  const node = rt.snapshot.directory.node(peer)
  if (typeof note !== 'string' || !node?.log) return 'skipped'
  let c: Checkpoint
  try {
    c = parseCheckpoint(openNote(note, [parseVerifierKey(node.log.vkey)]).text)
  } catch (e) {
    return raise(rt, 'bad-checkpoint', peer, {
      reason: e instanceof RogatoryError ? e.toLine() : String(e),
      checkpoint: note,
    })
  }
  if (c.origin !== node.log.origin)
    return raise(rt, 'bad-checkpoint', peer, {
      reason: 'origin differs from the register',
      checkpoint: note,
    })
  const seen = await rt.store.db
    .selectFrom('witness_seen')
    .selectAll()
    .where('origin', '=', c.origin)
    .executeTakeFirst()
  const seenSize = seen ? Number(seen.size) : -1
  const evidence = { seen: seen?.checkpoint ?? null, now: note }
  if (seen && c.size === seenSize) {
    return equalHashes(bytes(seen.root), c.root)
      ? 'same'
      : raise(rt, 'split-view', peer, {
          ...evidence,
          reason: 'two different roots for the same tree size',
        })
  }
  if (seen && seenSize > 0 && c.size < seenSize) {
    const proof = await fetchConsistency(node.url, c.size, seenSize)
    if (!proof) return 'skipped'
    return c.size === 0 || verifyConsistency(c.size, seenSize, c.root, bytes(seen.root), proof)
      ? 'older'
      : raise(rt, 'split-view', peer, {
          ...evidence,
          reason: 'an older checkpoint inconsistent with the one seen',
        })
  }
  if (seen && seenSize > 0) {
    const proof = await fetchConsistency(node.url, seenSize, c.size)
    if (!proof) return 'skipped'
    if (!verifyConsistency(seenSize, c.size, bytes(seen.root), c.root, proof)) {
      return raise(rt, 'split-view', peer, {
        ...evidence,
        reason: 'the new checkpoint does not extend the one seen',
      })
    }
  }
  const body = noteText(note)
  const cosignature = cosign(body, rt.witness)
  const row = { size: c.size, root: c.root, checkpoint: note, cosignature, seen_at: nowIso(rt) }
  await rt.store.db
    .insertInto('witness_seen')
    .values({ origin: c.origin, ...row })
    .onConflict((oc) => oc.column('origin').doUpdateSet(row))
    .execute()
  // Hand the cosignature to the logged node, which serves it with that checkpoint (best effort).
  await fetch(new URL('/v1/log/cosignatures', node.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state: rt.settings.state, size: c.size, line: cosignature }),
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined)
  return seen ? 'consistent' : 'new'
}

export const listAlarms = (rt: NodeRuntime) =>
  rt.store.db.selectFrom('alarms').selectAll().orderBy('id', 'desc').limit(200).execute()

export const listWitnessed = (rt: NodeRuntime) =>
  rt.store.db
    .selectFrom('witness_seen')
    .select(['origin', 'size', 'checkpoint', 'cosignature', 'seen_at'])
    .orderBy('origin')
    .execute()

/**
 * Witnessing off the delivery path: receipts offer the receiver's latest
 * checkpoint, and a small queue keeps only the newest per peer and checks
 * them shortly after, one peer at a time. Skipping the checkpoints in
 * between loses nothing: consistency with the last one seen covers them.
 */
export function startWitnessQueue(rt: NodeRuntime, delayMs = 200) {
  const latest = new Map<string, unknown>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false
  const drain = async () => {
    while (latest.size > 0 && !stopped) {
      const [peer, note] = latest.entries().next().value as [string, unknown]
      latest.delete(peer)
      await witnessCheckpoint(rt, peer, note).catch(() => 'skipped')
    }
  }
  // One drain at a time: a timer, then the drain, which takes whatever arrived meanwhile too.
  const schedule = () => {
    if (timer || running || stopped) return
    timer = setTimeout(() => {
      timer = undefined
      running = drain().finally(() => {
        running = undefined
        if (latest.size > 0) schedule()
      })
    }, delayMs)
  }
  return {
    offer(peer: string, note: unknown): void {
      if (stopped) return
      latest.delete(peer)
      latest.set(peer, note)
      schedule()
    },
    async stop(): Promise<void> {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
