/**
 * @module envelope/receipt
 *
 * The signed receipt every accepted message earns: a JWS by the receiver
 * over the message id and the SHA-256 of the envelope exactly as received.
 * No receipt, no delivery: the sender keeps retrying until it holds one
 * that verifies against the receiver's key in the registry snapshot.
 */
import { CompactSign, compactVerify, decodeProtectedHeader, type JWK } from 'jose'
import { RogatoryError } from '../errors/rogatory-error.js'
import { RECEIPT_TYP, SIGNING_ALG } from './algorithms.js'
import { canonicalBytes } from './canonical.js'
import { keyFromJwk } from './keys.js'
import type { KeyDirectory } from './message.js'

export interface ReceiptClaims {
  readonly typ: 'rogatory-receipt'
  /** Message id. */
  readonly mid: string
  /** SHA-256 (hex) of the compact JWE as received. */
  readonly hash: string
  /** Receiver and sender State codes. */
  readonly rcv: string
  readonly snd: string
  /** When the receiver committed the message (ISO). */
  readonly at: string
}

export async function signReceipt(
  claims: Omit<ReceiptClaims, 'typ'>,
  signer: { kid: string; privateJwk: JWK },
): Promise<string> {
  return new CompactSign(canonicalBytes({ typ: 'rogatory-receipt', ...claims }))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: signer.kid, typ: RECEIPT_TYP })
    .sign(await keyFromJwk(signer.privateJwk, SIGNING_ALG))
}

/** Verify a receipt for a message this node sent; fails closed with ERR_RECEIPT_INVALID. */
export async function verifyReceipt(
  receipt: unknown,
  expected: { mid: string; hash: string; rcv: string; snd: string },
  directory: KeyDirectory,
): Promise<ReceiptClaims> {
  const bad = (why: string): never => {
    throw new RogatoryError('ERR_RECEIPT_INVALID', why)
  }
  if (typeof receipt !== 'string' || receipt.length > 8192) return bad('no receipt')
  let kid: unknown
  try {
    const h = decodeProtectedHeader(receipt)
    if (h.alg !== SIGNING_ALG || h.typ !== RECEIPT_TYP) bad('receipt header')
    kid = h.kid
  } catch (e) {
    if (e instanceof RogatoryError) throw e
    return bad('unreadable receipt')
  }
  const key = typeof kid === 'string' ? directory.key(kid) : undefined
  if (key?.use !== 'sig' || key.status === 'revoked' || key.state !== expected.rcv)
    return bad('receipt key is not the receiver’s')
  let claims: ReceiptClaims
  try {
    const { payload } = await compactVerify(receipt, await keyFromJwk(key.jwk, SIGNING_ALG), {
      algorithms: [SIGNING_ALG],
    })
    claims = JSON.parse(new TextDecoder().decode(payload)) as ReceiptClaims
  } catch {
    return bad('receipt signature')
  }
  if (
    claims.typ !== 'rogatory-receipt' ||
    claims.mid !== expected.mid ||
    claims.hash !== expected.hash ||
    claims.rcv !== expected.rcv ||
    claims.snd !== expected.snd
  ) {
    bad('receipt does not match the message')
  }
  return claims
}
