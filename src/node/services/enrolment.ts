/**
 * @module node/services/enrolment
 *
 * How a State node's entry in the register changes. First enrolment uses a
 * one-time code from the Secretariat; a key rotation is proven by a JWS
 * over the new entry, signed with the key the register currently lists as
 * the State's active signing key. Keys never come back from revocation,
 * and keys a State stops listing stay as `retired`.
 */
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose'
import { SIGNING_ALG } from '../../envelope/algorithms.js'
import { canonicalBytes } from '../../envelope/canonical.js'
import { keyFromJwk } from '../../envelope/keys.js'
import { RogatoryError } from '../../errors/rogatory-error.js'
import type { SnapshotDirectory, SnapshotNode } from '../../registry/snapshot.js'

const PROOF_TYP = 'rogatory-enrol+jws'
const PROOF_MAX_AGE_SECONDS = 300

export async function signEnrolmentProof(
  entry: SnapshotNode,
  signer: { kid: string; privateJwk: JWK },
  now = Date.now(),
): Promise<string> {
  return new CompactSign(canonicalBytes({ entry, at: Math.floor(now / 1000) }))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: signer.kid, typ: PROOF_TYP })
    .sign(await keyFromJwk(signer.privateJwk, SIGNING_ALG))
}

/** The proof must be signed by the State's active signing key in the current register, over exactly this entry, recently. */
export async function verifyEnrolmentProof(
  proof: string,
  entry: SnapshotNode,
  directory: SnapshotDirectory,
  now = Date.now(),
): Promise<void> {
  const bad = (why: string): never => {
    throw new RogatoryError('ERR_AUTH_INVALID', `enrolment proof: ${why}`)
  }
  let kid: unknown
  try {
    const h = decodeProtectedHeader(proof)
    if (h.alg !== SIGNING_ALG || h.typ !== PROOF_TYP) bad('header')
    kid = h.kid
  } catch (e) {
    if (e instanceof RogatoryError) throw e
    bad('unreadable')
  }
  const key = typeof kid === 'string' ? directory.key(kid) : undefined
  if (key?.use !== 'sig' || key.status !== 'active' || key.state !== entry.state)
    return bad('not signed by the State’s active key')
  let claims: { entry?: unknown; at?: unknown }
  try {
    const { payload } = await compactVerify(proof, await keyFromJwk(key.jwk, SIGNING_ALG), {
      algorithms: [SIGNING_ALG],
    })
    claims = JSON.parse(new TextDecoder().decode(payload))
  } catch {
    return bad('signature')
  }
  const same = Buffer.from(canonicalBytes(claims.entry ?? null)).equals(
    Buffer.from(canonicalBytes(entry)),
  )
  if (!same) bad('signed entry differs from the one submitted')
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
