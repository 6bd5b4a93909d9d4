/**
 * @module envelope/open
 *
 * Decrypt, then verify — fail closed. The input comes from another node and
 * is attacker-controlled: every header is parsed defensively, algorithms
 * are checked against the allow-lists before any key is used, the signing
 * key is resolved only from the signed registry snapshot, and the signer
 * must be the State the headers name. Replay by message id is the
 * receiver's store's job (it needs state); everything else is here.
 */
import {
  compactDecrypt,
  compactVerify,
  decodeProtectedHeader,
  type JWK,
  type ProtectedHeaderParameters,
} from 'jose'
import { RogatoryError } from '../errors/rogatory-error.js'
import {
  CLOCK_SKEW_SECONDS,
  CONTENT_ENCRYPTION,
  JWS_TYP,
  KEY_MANAGEMENT_ALG,
  SIGNING_ALG,
} from './algorithms.js'
import { sha256Hex } from './canonical.js'
import { keyFromJwk } from './keys.js'
import { HEADER_NAMES, type KeyDirectory, MESSAGE_KINDS, type MessageHeaders } from './message.js'

const decoder = new TextDecoder()
const MAX_ENVELOPE_CHARS = 64 * 1024 * 1024

export interface OpenContext {
  /** This node's State code. */
  readonly self: string
  /** This node's private encryption keys by kid (current and retired). */
  readonly decryptionKeys: ReadonlyMap<string, JWK>
  readonly directory: KeyDirectory
  /** Seconds since the epoch. */
  readonly now: number
}

export interface Opened {
  readonly headers: MessageHeaders
  readonly payload: unknown
  /** SHA-256 (hex) of the compact JWE as received: what the receipt signs. */
  readonly messageHash: string
  readonly signingKid: string
}

const fail = (code: ConstructorParameters<typeof RogatoryError>[0], detail?: string): never => {
  throw new RogatoryError(code, detail)
}

/** The seven message headers, checked for type; anything else is malformed. */
export function readHeaders(h: ProtectedHeaderParameters): MessageHeaders {
  const r = h as Record<string, unknown>
  const str = (k: string) =>
    typeof r[k] === 'string' && (r[k] as string).length > 0 && (r[k] as string).length <= 200
      ? (r[k] as string)
      : fail('ERR_ENVELOPE_MALFORMED', `header ${k} missing or invalid`)
  const int = (k: string) =>
    Number.isSafeInteger(r[k])
      ? (r[k] as number)
      : fail('ERR_ENVELOPE_MALFORMED', `header ${k} missing or invalid`)
  const mty = str('mty')
  if (!(MESSAGE_KINDS as readonly string[]).includes(mty))
    fail('ERR_ENVELOPE_MALFORMED', `unknown message type ${JSON.stringify(mty)}`)
  return {
    iss: str('iss'),
    aud: str('aud'),
    jti: str('jti'),
    rid: str('rid'),
    mty: mty as MessageHeaders['mty'],
    iat: int('iat'),
    exp: int('exp'),
  }
}

export async function open(envelope: string, ctx: OpenContext): Promise<Opened> {
  if (
    typeof envelope !== 'string' ||
    envelope.length > MAX_ENVELOPE_CHARS ||
    envelope.split('.').length !== 5
  ) {
    fail('ERR_ENVELOPE_MALFORMED', 'not a compact JWE')
  }
  let outer: ProtectedHeaderParameters
  try {
    outer = decodeProtectedHeader(envelope)
  } catch {
    return fail('ERR_ENVELOPE_MALFORMED', 'unreadable JWE protected header')
  }
  if (outer.alg !== KEY_MANAGEMENT_ALG || outer.enc !== CONTENT_ENCRYPTION) {
    fail('ERR_ENVELOPE_ALG_NOT_ALLOWED', `alg ${String(outer.alg)}, enc ${String(outer.enc)}`)
  }
  const outerHeaders = readHeaders(outer)
  if (outerHeaders.aud !== ctx.self)
    fail('ERR_ENVELOPE_WRONG_RECIPIENT', `addressed to ${outerHeaders.aud}, this is ${ctx.self}`)
  const decryptJwk = typeof outer.kid === 'string' ? ctx.decryptionKeys.get(outer.kid) : undefined
  if (!decryptJwk)
    fail('ERR_ENVELOPE_DECRYPTION_FAILED', 'encrypted to a key this node does not hold')

  let jws: string
  try {
    const { plaintext } = await compactDecrypt(
      envelope,
      await keyFromJwk(decryptJwk!, KEY_MANAGEMENT_ALG),
      {
        keyManagementAlgorithms: [KEY_MANAGEMENT_ALG],
        contentEncryptionAlgorithms: [CONTENT_ENCRYPTION],
      },
    )
    jws = decoder.decode(plaintext)
  } catch {
    return fail('ERR_ENVELOPE_DECRYPTION_FAILED')
  }

  let inner: ProtectedHeaderParameters
  try {
    inner = decodeProtectedHeader(jws)
  } catch {
    return fail('ERR_ENVELOPE_MALFORMED', 'the plaintext is not a compact JWS')
  }
  if (inner.alg !== SIGNING_ALG) fail('ERR_ENVELOPE_ALG_NOT_ALLOWED', `alg ${String(inner.alg)}`)
  if (inner.typ !== JWS_TYP) fail('ERR_ENVELOPE_MALFORMED', `typ ${String(inner.typ)}`)
  const headers = readHeaders(inner)
  for (const name of HEADER_NAMES) {
    if (headers[name] !== outerHeaders[name])
      fail('ERR_ENVELOPE_HEADER_MISMATCH', `header ${name} differs`)
  }
  const kid = typeof inner.kid === 'string' ? inner.kid : ''
  const key = ctx.directory.key(kid)
  if (key?.use !== 'sig') fail('ERR_ENVELOPE_UNKNOWN_KID', `kid ${JSON.stringify(kid)}`)
  if (key!.status === 'revoked') fail('ERR_ENVELOPE_KEY_REVOKED', `kid ${kid} of ${key!.state}`)
  if (key!.state !== headers.iss)
    fail(
      'ERR_ENVELOPE_SIGNATURE_INVALID',
      `kid ${kid} belongs to ${key!.state}, not ${headers.iss}`,
    )

  let payloadBytes: Uint8Array
  try {
    const verified = await compactVerify(jws, await keyFromJwk(key!.jwk, SIGNING_ALG), {
      algorithms: [SIGNING_ALG],
    })
    payloadBytes = verified.payload
  } catch {
    return fail('ERR_ENVELOPE_SIGNATURE_INVALID')
  }
  if (headers.exp <= ctx.now)
    fail('ERR_ENVELOPE_EXPIRED', `expired at ${new Date(headers.exp * 1000).toISOString()}`)
  if (headers.iat > ctx.now + CLOCK_SKEW_SECONDS)
    fail('ERR_ENVELOPE_EXPIRED', 'created in the future')

  let payload: unknown
  try {
    payload = JSON.parse(decoder.decode(payloadBytes))
  } catch {
    return fail('ERR_ENVELOPE_MALFORMED', 'the signed payload is not JSON')
  }
  return { headers, payload, messageHash: sha256Hex(envelope), signingKid: kid }
}
