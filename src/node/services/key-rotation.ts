/**
 * @module node/services/key-rotation
 *
 * Rotating a node's keys: new signing and encryption keys become active,
 * the old ones `retired` (kept to decrypt what was sent to them and listed
 * in the register so that what they signed still verifies). The node
 * re-enrols with a proof signed by its outgoing key, which the register
 * still lists as active.
 */
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { Snapshot } from '../../registry/snapshot.js'
import { logEntry, type NodeRuntime, signer } from '../runtime.js'
import { signEnrolmentProof } from './enrolment.js'
import { publicEntries, rotateKey } from './node-keys.js'

export async function rotateKeys(
  rt: NodeRuntime,
  where: { url: string; secretariatUrl: string },
): Promise<Snapshot> {
  const outgoing = signer(rt)
  await rotateKey(rt.store, 'sig')
  rt.keys = await rotateKey(rt.store, 'enc')
  const entry = {
    state: rt.settings.state,
    url: where.url,
    keys: publicEntries(rt.keys) as never,
    log: logEntry(rt),
  }
  const proof = await signEnrolmentProof(entry, outgoing)
  const res = await fetch(new URL('/v1/registry/enrol', where.secretariatUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...entry, proof }),
    signal: AbortSignal.timeout(10_000),
  })
  const body = (await res.json()) as { jws?: string; error?: { code: string; message: string } }
  if (!res.ok)
    throw new RogatoryError(
      'ERR_AUTH_INVALID',
      `re-enrolment refused: ${body.error?.code} ${body.error?.message}`,
    )
  return rt.snapshot.accept(body.jws)
}
