/**
 * @module envelope/receipt
 *
 * The signed receipt every accepted message earns: a JWS by the receiver
 * over the message id and the SHA-256 of the envelope exactly as received.
 * No receipt, no delivery: the sender keeps retrying until it holds one
 * that verifies against the receiver's key in the registry snapshot.
 */
import type { JWK } from 'jose'
import { RogatoryError } from '../errors/rogatory-error.js'
import { RECEIPT_TYP } from './algorithms.js'
import type { KeyDirectory } from './message.js'
import { signStatement, verifyStatement } from './registered-jws.js'

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
  /** The receiver's latest signed log checkpoint, so that the sender can witness it (split-view detection). */
  readonly checkpoint?: string
}

export function signReceipt(
  claims: Omit<ReceiptClaims, 'typ'>,
  signer: { kid: string; privateJwk: JWK },
): Promise<string> {
  return signStatement(RECEIPT_TYP, { typ: 'rogatory-receipt', ...claims }, signer)
}

/** Verify a receipt for a message this node sent; fails closed with ERR_RECEIPT_INVALID. */
export async function verifyReceipt(
  receipt: unknown,
  expected: { mid: string; hash: string; rcv: string; snd: string },
  directory: KeyDirectory,
): Promise<ReceiptClaims> {
  const { claims } = await verifyStatement<ReceiptClaims>(receipt, {
    typ: RECEIPT_TYP,
    directory,
    code: 'ERR_RECEIPT_INVALID',
    accept: (key) => key.state === expected.rcv,
  })
  if (
    claims.typ !== 'rogatory-receipt' ||
    claims.mid !== expected.mid ||
    claims.hash !== expected.hash ||
    claims.rcv !== expected.rcv ||
    claims.snd !== expected.snd
  ) {
    throw new RogatoryError('ERR_RECEIPT_INVALID', 'receipt does not match the message')
  }
  return claims
}
