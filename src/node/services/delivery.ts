/**
 * @module node/services/delivery
 *
 * The sender loop. It takes due messages from the outbox, posts each to
 * the recipient's `/v1/inbox`, and marks it delivered only when the
 * receiver's signed receipt verifies against the registry snapshot and
 * names this message and its hash. Failures retry with exponential backoff
 * and full jitter; a message not delivered by its deadline raises an alert
 * (and keeps retrying until the envelope itself expires).
 */

import { sha256Hex } from '../../envelope/canonical.js'
import { verifyReceipt } from '../../envelope/receipt.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { type NodeRuntime, nowIso } from '../runtime.js'
import { REQUEST_FACTS, recordTransition } from './transitions.js'

export const DELIVERY_BATCH = 64
export const BACKOFF_BASE_MS = 250
export const BACKOFF_MAX_MS = 60_000
export const POST_TIMEOUT_MS = 10_000

/** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
export const backoffMs = (attempt: number, random = Math.random): number =>
  Math.max(
    50,
    Math.floor(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 20))),
  )

export async function deliverDue(rt: NodeRuntime): Promise<number> {
  const now = nowIso(rt)
  // Messages of one request go in queue order: a message waits while an earlier one of its request is undelivered.
  const due = await rt.store.db
    .selectFrom('outbox as o')
    .selectAll()
    .where('o.delivered_at', 'is', null)
    .where('o.next_attempt_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox as e')
            .select('e.seq')
            .whereRef('e.request_id', '=', 'o.request_id')
            .where('e.delivered_at', 'is', null)
            .whereRef('e.seq', '<', 'o.seq'),
        ),
      ),
    )
    .orderBy('o.seq')
    .limit(DELIVERY_BATCH)
    .execute()
  let delivered = 0
  await Promise.all(
    due.map(async (m) => {
      try {
        await deliverOne(rt, m)
        delivered++
      } catch (e) {
        const attempts = m.attempts + 1
        await rt.store.db
          .updateTable('outbox')
          .set({
            attempts,
            next_attempt_at: new Date(
              rt.settings.now().getTime() + backoffMs(attempts),
            ).toISOString(),
            last_error:
              e instanceof RogatoryError ? e.toLine() : String((e as Error)?.message ?? e),
            alert: nowIso(rt) > m.deliver_by,
          })
          .where('message_id', '=', m.message_id)
          .where('delivered_at', 'is', null)
          .execute()
      }
    }),
  )
  return delivered
}

async function deliverOne(
  rt: NodeRuntime,
  m: { message_id: string; recipient: string; envelope: string; kind: string; request_id: string },
) {
  await rt.snapshot.refreshIfStale(30_000)
  const node = rt.snapshot.directory.node(m.recipient)
  if (!node) throw new RogatoryError('ERR_PEER_UNKNOWN', m.recipient)
  const res = await fetch(new URL('/v1/inbox', node.url), {
    method: 'POST',
    headers: { 'content-type': 'application/jose' },
    body: m.envelope,
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  })
  const body = (await res.json().catch(() => ({}))) as {
    receipt?: unknown
    error?: { code?: string; message?: string }
  }
  if (!res.ok)
    throw new Error(
      `${m.recipient} answered ${res.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`.trim(),
    )
  const claims = await verifyReceipt(
    body.receipt,
    { mid: m.message_id, hash: sha256Hex(m.envelope), rcv: m.recipient, snd: rt.settings.state },
    rt.snapshot.directory,
  )
  const at = nowIso(rt)
  await rt.store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox')
      .set({ delivered_at: at, receipt: body.receipt as string, last_error: null, alert: false })
      .where('message_id', '=', m.message_id)
      .execute()
    if (m.kind === 'request') {
      const r = await trx
        .updateTable('requests')
        .set({ state: 'delivered', updated_at: at })
        .where('id', '=', m.request_id)
        .where('state', '=', 'sent')
        .returning(REQUEST_FACTS)
        .executeTakeFirst()
      if (r) {
        await recordTransition(
          trx,
          rt.settings.state,
          {
            request_id: m.request_id,
            from_state: 'sent',
            to_state: 'delivered',
            action: 'receipt',
            actor: m.recipient,
            actor_role: 'peer',
            detail: JSON.stringify({ messageId: m.message_id }),
            at,
          },
          { id: m.message_id, hash: sha256Hex(m.envelope) },
          r,
        )
      }
    }
  })
  // Witness the receiver's log from the checkpoint its receipt carries (queued: never blocks delivery).
  rt.offerCheckpoint(m.recipient, claims.checkpoint)
}

/** Runs `deliverDue` whenever woken or every `intervalMs`; stops on `stop()`. */
export function startDeliveryLoop(rt: NodeRuntime, intervalMs = 500) {
  let stopped = false
  let wakeUp: (() => void) | undefined
  const sleep = () =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, intervalMs)
      wakeUp = () => {
        clearTimeout(t)
        resolve()
      }
    })
  const done = (async () => {
    while (!stopped) {
      try {
        await deliverDue(rt)
      } catch {
        // The store may be closing; the next turn retries.
      }
      if (!stopped) await sleep()
    }
  })()
  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true
      wakeUp?.()
      await done
    },
  }
}
