/**
 * @module node/services/enrolment
 *
 * How a State node's entry in the register changes. First enrolment uses a
 * one-time code from the Secretariat; a key rotation is proven by a JWS
 * over the new entry, signed with the key the register currently lists as
 * the State's active signing key. Keys never come back from revocation,
 * and keys a State stops listing stay as `retired`.
 */
import type { JWK } from 'jose'
import { canonicalBytes } from '../../envelope/canonical.js'
import { signStatement, verifyStatement } from '../../envelope/registered-jws.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { SnapshotDirectory, SnapshotNode } from '../../registry/snapshot.js'

const PROOF_TYP = 'rogatory-enrol+jws'
const PROOF_MAX_AGE_SECONDS = 300

export function signEnrolmentProof(
  entry: SnapshotNode,
  signer: { kid: string; privateJwk: JWK },
  now = Date.now(),
): Promise<string> {
  return signStatement(PROOF_TYP, { entry, at: Math.floor(now / 1000) }, signer)
}

/** The proof must be signed by the State's active signing key in the current register, over exactly this entry, recently. */
export async function verifyEnrolmentProof(
  proof: string,
  entry: SnapshotNode,
  directory: SnapshotDirectory,
  now = Date.now(),
): Promise<void> {
  const { claims } = await verifyStatement<{ entry?: unknown; at?: unknown }>(proof, {
    typ: PROOF_TYP,
    directory,
    code: 'ERR_AUTH_INVALID',
    accept: (key) => key.status === 'active' && key.state === entry.state,
  })
  const bad = (why: string): never => {
    throw new RogatoryError('ERR_AUTH_INVALID', `enrolment proof: ${why}`)
  }
  if (!Buffer.from(canonicalBytes(claims.entry ?? null)).equals(Buffer.from(canonicalBytes(entry))))
    bad('signed entry differs from the one submitted')
  if (typeof claims.at !== 'number' || Math.abs(now / 1000 - claims.at) > PROOF_MAX_AGE_SECONDS)
    bad('stale')
}

/** Replace a State's entry: revoked keys stay revoked; keys no longer listed stay as retired. */
export function mergeNode(nodes: readonly SnapshotNode[], entry: SnapshotNode): SnapshotNode[] {
  const prev = nodes.find((n) => n.state === entry.state)
  const revoked = new Set(
    (prev?.keys ?? []).filter((k) => k.status === 'revoked').map((k) => k.kid),
  )
  const listed = entry.keys.map((k) =>
    revoked.has(k.kid) ? { ...k, status: 'revoked' as const } : k,
  )
  const kept = (prev?.keys ?? [])
    .filter((k) => !entry.keys.some((x) => x.kid === k.kid))
    .map((k) => ({
      ...k,
      status: k.status === 'revoked' ? ('revoked' as const) : ('retired' as const),
    }))
  return [...nodes.filter((n) => n.state !== entry.state), { ...entry, keys: [...listed, ...kept] }]
}
