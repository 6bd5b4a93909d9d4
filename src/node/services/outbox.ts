/**
 * @module node/services/outbox
 *
 * The transactional outbox: a message is sealed and queued in the same
 * database transaction as the business change that caused it, so either
 * both happen or neither does. The delivery loop sends it later.
 */
import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { MessageKind } from '../../envelope/message.js'
import { seal } from '../../envelope/seal.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { Database } from '../../store/schema.js'
import { type NodeRuntime, nowIso, nowSeconds, signer } from '../runtime.js'

export async function enqueue(
  rt: NodeRuntime,
  trx: Transaction<Database>,
  m: { recipient: string; requestId: string; kind: MessageKind; payload: unknown },
): Promise<string> {
  const key = rt.snapshot.directory.encryptionKey(m.recipient)
  if (!key || !rt.snapshot.directory.node(m.recipient)) {
    throw new RogatoryError(
      'ERR_PEER_UNKNOWN',
      `${m.recipient} has no node and key in registry snapshot v${rt.snapshot.version}`,
    )
  }
  const messageId = randomUUID()
  const iat = nowSeconds(rt)
  const envelope = await seal(
    m.payload,
    {
      iss: rt.settings.state,
      aud: m.recipient,
      jti: messageId,
      rid: m.requestId,
      mty: m.kind,
      iat,
      exp: iat + rt.settings.messageTtlSeconds,
    },
    signer(rt),
    key,
  )
  const now = nowIso(rt)
  await trx
    .insertInto('outbox')
    .values({
      message_id: messageId,
      request_id: m.requestId,
      recipient: m.recipient,
      kind: m.kind,
      envelope,
      created_at: now,
      next_attempt_at: now,
      attempts: 0,
      delivered_at: null,
      receipt: null,
      last_error: null,
      alert: false,
      deliver_by: new Date(
        rt.settings.now().getTime() + rt.settings.deliveryDeadlineSeconds * 1000,
      ).toISOString(),
    })
    .execute()
  return messageId
}
