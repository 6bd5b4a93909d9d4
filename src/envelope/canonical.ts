/**
 * @module envelope/canonical
 *
 * RFC 8785 JSON Canonicalization Scheme (the `canonicalize` package) and
 * SHA-256, the two primitives everything signed is built on.
 */
import { createHash } from 'node:crypto'
import canonicalizeJson from 'canonicalize'

const encoder = new TextEncoder()

export function canonicalBytes(value: unknown): Uint8Array {
  const text = (canonicalizeJson as unknown as (v: unknown) => string | undefined)(value)
  if (text === undefined) throw new TypeError('value cannot be canonicalised')
  return encoder.encode(text)
}

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')
