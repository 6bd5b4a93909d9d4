/**
 * @module envelope/registered-jws
 *
 * Small signed statements between nodes — receipts, enrolment proofs,
 * evidence-fetch tokens — are compact JWS (EdDSA) over canonical JSON with
 * a `typ` of their own, signed by a key the register lists. One signer and
 * one fail-closed verifier serve them all; each caller says which error
 * code to raise and which registered keys it accepts.
 */
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose'
import type { ErrorCode } from '../errors/codes.js'
import { RogatoryError } from '../errors/rogatory-error.js'
import { SIGNING_ALG } from './algorithms.js'
import { canonicalBytes } from './canonical.js'
import { keyFromJwk } from './keys.js'
import type { DirectoryKey, KeyDirectory } from './message.js'

const MAX_TOKEN_CHARS = 16 * 1024

export async function signStatement(
  typ: string,
  claims: unknown,
  signer: { kid: string; privateJwk: JWK },
): Promise<string> {
  return new CompactSign(canonicalBytes(claims))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: signer.kid, typ })
    .sign(await keyFromJwk(signer.privateJwk, SIGNING_ALG))
}

export interface VerifyStatement {
  readonly typ: string
  readonly directory: KeyDirectory
  /** The error raised on any failure. */
  readonly code: ErrorCode
  /** Which registered signing keys are acceptable (state, status). Revoked keys never are. */
  readonly accept: (key: DirectoryKey) => boolean
  /** Largest token accepted (default 16 KiB). */
  readonly maxChars?: number
}

/** Verify a statement (attacker-controlled input) and return its claims and the key that signed it. */
export async function verifyStatement<T>(
  token: unknown,
  o: VerifyStatement,
): Promise<{ claims: T; key: DirectoryKey }> {
  const bad = (why: string): never => {
    throw new RogatoryError(o.code, why)
  }
  if (typeof token !== 'string' || token.length > (o.maxChars ?? MAX_TOKEN_CHARS))
    return bad('missing or oversize')
  let kid: unknown
  try {
    const h = decodeProtectedHeader(token)
    if (h.alg !== SIGNING_ALG || h.typ !== o.typ) bad(`unexpected header (${String(h.typ)})`)
    kid = h.kid
  } catch (e) {
    if (e instanceof RogatoryError) throw e
    return bad('unreadable header')
  }
  const key = typeof kid === 'string' ? o.directory.key(kid) : undefined
  if (key?.use !== 'sig' || key.status === 'revoked' || !o.accept(key))
    return bad('not signed by an acceptable registered key')
  try {
    const { payload } = await compactVerify(token, await keyFromJwk(key.jwk, SIGNING_ALG), {
      algorithms: [SIGNING_ALG],
    })
    return { claims: JSON.parse(new TextDecoder().decode(payload)) as T, key }
  } catch {
    return bad('signature does not verify')
  }
}

/**
 * The claims of a statement without checking its signature: for one this
 * node verified before it stored it, or to show one marked as unverified.
 */
export const unverifiedClaims = <T>(token: string): T =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as T
