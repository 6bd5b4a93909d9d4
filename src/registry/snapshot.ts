/**
 * @module registry/snapshot
 *
 * The Secretariat's signed, versioned register: the registry document plus
 * each State node's URL and public keys, as a compact JWS (EdDSA) over the
 * RFC 8785 canonical JSON. Nodes verify it against the Secretariat's pinned
 * key and never accept a lower version than the one they hold. A rotated
 * key stays listed as `retired` (it still verifies what it signed); a
 * `revoked` key verifies nothing.
 */
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose'
import { z } from 'zod'
import { SIGNING_ALG, SNAPSHOT_TYP } from '../envelope/algorithms.js'
import { canonicalBytes } from '../envelope/canonical.js'
import { keyFromJwk } from '../envelope/keys.js'
import type { DirectoryKey, KeyDirectory } from '../envelope/message.js'
import { RogatoryError } from '../errors/rogatory-error.js'
import { registrySchema, stateCode } from './schema.js'

const jwkSchema = z
  .looseObject({ kty: z.string(), crv: z.string(), x: z.string() })
  .refine((j) => !('d' in j), {
    message: 'a private key must never be published',
  })

export const snapshotNodeSchema = z.strictObject({
  state: stateCode,
  url: z.url(),
  keys: z.array(
    z.strictObject({
      kid: z.string().min(16).max(128),
      use: z.enum(['sig', 'enc']),
      status: z.enum(['active', 'retired', 'revoked']),
      jwk: jwkSchema,
    }),
  ),
  /** The node's transparency log: its origin and C2SP signed-note verifier key. */
  log: z
    .strictObject({
      origin: z.string().min(1).max(200),
      vkey: z.string().min(1).max(400),
      /** The node's cosigner (witness) key, C2SP tlog-cosignature type 0x04. */
      witness: z.string().min(1).max(400).optional(),
    })
    .optional(),
})

export const snapshotSchema = z.strictObject({
  format: z.literal('rogatory-snapshot/1'),
  version: z.number().int().positive(),
  issuedAt: z.string(),
  registry: registrySchema,
  nodes: z.array(snapshotNodeSchema),
})

export type SnapshotNode = z.infer<typeof snapshotNodeSchema>
export type Snapshot = z.infer<typeof snapshotSchema>

export async function signSnapshot(
  snapshot: Snapshot,
  signer: { kid: string; privateJwk: JWK },
): Promise<string> {
  return new CompactSign(canonicalBytes(snapshot))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: signer.kid, typ: SNAPSHOT_TYP })
    .sign(await keyFromJwk(signer.privateJwk, SIGNING_ALG))
}

/**
 * Verify a snapshot (attacker-controlled until this returns) against the
 * pinned Secretariat key, and refuse to go back below `minVersion`.
 */
export async function verifySnapshot(jws: unknown, pinned: JWK, minVersion = 0): Promise<Snapshot> {
  const invalid = (why: string): never => {
    throw new RogatoryError('ERR_SNAPSHOT_INVALID', why)
  }
  if (typeof jws !== 'string' || jws.length > 16 * 1024 * 1024) return invalid('not a compact JWS')
  try {
    const h = decodeProtectedHeader(jws)
    if (h.alg !== SIGNING_ALG || h.typ !== SNAPSHOT_TYP || h.kid !== pinned.kid)
      invalid('unexpected header or key')
  } catch (e) {
    if (e instanceof RogatoryError) throw e
    invalid('unreadable header')
  }
  let body: unknown
  try {
    const { payload } = await compactVerify(jws, await keyFromJwk(pinned, SIGNING_ALG), {
      algorithms: [SIGNING_ALG],
    })
    body = JSON.parse(new TextDecoder().decode(payload))
  } catch {
    return invalid('signature does not verify')
  }
  const parsed = snapshotSchema.safeParse(body)
  if (!parsed.success) return invalid(`content: ${parsed.error.issues[0]?.message}`)
  if (parsed.data.version < minVersion) {
    throw new RogatoryError(
      'ERR_SNAPSHOT_ROLLBACK',
      `version ${parsed.data.version} is older than the accepted ${minVersion}`,
    )
  }
  return parsed.data
}

/** Key lookups answered from one verified snapshot. */
export class SnapshotDirectory implements KeyDirectory {
  readonly snapshot: Snapshot
  readonly #keys = new Map<string, DirectoryKey>()
  readonly #nodes = new Map<string, SnapshotNode>()

  constructor(snapshot: Snapshot) {
    this.snapshot = snapshot
    for (const n of snapshot.nodes) {
      this.#nodes.set(n.state, n)
      for (const k of n.keys)
        this.#keys.set(k.kid, {
          state: n.state,
          kid: k.kid,
          use: k.use,
          status: k.status,
          jwk: k.jwk as JWK,
        })
    }
  }

  key(kid: string): DirectoryKey | undefined {
    return this.#keys.get(kid)
  }

  encryptionKey(state: string): DirectoryKey | undefined {
    const n = this.#nodes.get(state)
    const k = n?.keys.find((x) => x.use === 'enc' && x.status === 'active')
    return k ? this.#keys.get(k.kid) : undefined
  }

  node(state: string): SnapshotNode | undefined {
    return this.#nodes.get(state)
  }
}
