/**
 * @module envelope/keys
 *
 * Node keys: Ed25519 for signatures, X25519 for key agreement. The `kid`
 * is the RFC 7638 JWK thumbprint, so a key names itself.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { ENCRYPTION_CURVE, KEY_MANAGEMENT_ALG, SIGNING_ALG } from './algorithms.js'

export type KeyUse = 'sig' | 'enc'

/** What jose's importJWK returns for our key types. */
export type ImportedKey = Awaited<ReturnType<typeof importJWK>>

export interface KeyPairJwk {
  readonly kid: string
  readonly use: KeyUse
  readonly privateJwk: JWK
  readonly publicJwk: JWK
}

export async function generateNodeKey(use: KeyUse): Promise<KeyPairJwk> {
  const pair =
    use === 'sig'
      ? await generateKeyPair(SIGNING_ALG, { extractable: true })
      : await generateKeyPair(KEY_MANAGEMENT_ALG, { crv: ENCRYPTION_CURVE, extractable: true })
  const publicJwk = await exportJWK(pair.publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  const alg = use === 'sig' ? SIGNING_ALG : KEY_MANAGEMENT_ALG
  return {
    kid,
    use,
    privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg, use },
    publicJwk: { ...publicJwk, kid, alg, use },
  }
}

const cache = new Map<string, Promise<ImportedKey>>()

/** Import a JWK once per process (imports cost more than a signature). */
export function keyFromJwk(jwk: JWK, alg: string): Promise<ImportedKey> {
  const id = `${jwk.kid ?? ''}|${alg}|${jwk.d ? 'private' : 'public'}|${jwk.x}`
  let hit = cache.get(id)
  if (!hit) {
    hit = importJWK(jwk, alg)
    cache.set(id, hit)
  }
  return hit
}
