/**
 * @module envelope/seal
 *
 * Sign, then encrypt: a compact JWS (EdDSA) over the canonical JSON
 * payload, carried as the plaintext of a compact JWE (ECDH-ES+A256KW over
 * X25519, A256GCM) addressed to the recipient's registered key.
 */
import { CompactEncrypt, CompactSign, type JWK } from 'jose'
import { CONTENT_ENCRYPTION, JWS_TYP, KEY_MANAGEMENT_ALG, SIGNING_ALG } from './algorithms.js'
import { canonicalBytes } from './canonical.js'
import { keyFromJwk } from './keys.js'
import type { DirectoryKey, MessageHeaders } from './message.js'

const encoder = new TextEncoder()

export interface Sender {
  readonly kid: string
  readonly privateJwk: JWK
}

export async function seal(
  payload: unknown,
  headers: MessageHeaders,
  sender: Sender,
  recipientKey: DirectoryKey,
): Promise<string> {
  const signingKey = await keyFromJwk(sender.privateJwk, SIGNING_ALG)
  const jws = await new CompactSign(canonicalBytes(payload))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: sender.kid, typ: JWS_TYP, ...headers })
    .sign(signingKey)
  const encryptionKey = await keyFromJwk(recipientKey.jwk, KEY_MANAGEMENT_ALG)
  return new CompactEncrypt(encoder.encode(jws))
    .setProtectedHeader({
      alg: KEY_MANAGEMENT_ALG,
      enc: CONTENT_ENCRYPTION,
      kid: recipientKey.kid,
      cty: JWS_TYP,
      ...headers,
    })
    .encrypt(encryptionKey)
}
