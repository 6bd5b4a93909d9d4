/**
 * @module log/signed-note
 *
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 (signature
 * type 0x01): the note text, a blank line, and lines "— <name> <base64(key
 * ID || signature)>". Key ID = SHA-256(name || 0x0A || 0x01 || public
 * key)[:4]. Verifier keys are "<name>+<hex key ID>+<base64(0x01 || public
 * key)>", as in golang.org/x/mod/sumdb/note, so stock verifiers accept ours.
 * Notes come from other nodes: parsing is defensive and verification fails
 * closed (a known key whose signature fails rejects the whole note).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import { RogatoryError } from '../errors/rogatory-error.js'

export const ED25519_TYPE = 0x01
const MAX_NOTE_BYTES = 1 << 20
const MAX_SIGNATURES = 100
const EM_DASH_PREFIX = '\u2014 '

const invalid = (why: string): never => {
  throw new RogatoryError('ERR_NOTE_INVALID', why)
}

export function keyId(name: string, type: number, publicKey: Uint8Array): number {
  const h = createHash('sha256')
    .update(name)
    .update(Uint8Array.of(0x0a, type))
    .update(publicKey)
    .digest()
  return h.readUInt32BE(0)
}

const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name)
const hex8 = (id: number) => id.toString(16).padStart(8, '0')

export interface NoteVerifier {
  readonly name: string
  readonly id: number
  readonly publicKey: Uint8Array
  readonly key: KeyObject
}

export interface NoteSigner extends NoteVerifier {
  readonly privateKey: KeyObject
}

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url')

function ed25519Public(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64u(raw) }, format: 'jwk' })
}

/** `<name>+<hex id>+<base64(0x01 || key)>`; the base64 part may itself contain '+'. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const first = vkey.indexOf('+')
  const second = vkey.indexOf('+', first + 1)
  if (first <= 0 || second < 0) return invalid('verifier key: expected name+id+key')
  const name = vkey.slice(0, first)
  const idHex = vkey.slice(first + 1, second)
  const material = Buffer.from(vkey.slice(second + 1), 'base64')
  if (!validName(name) || !/^[0-9a-f]{8}$/.test(idHex))
    return invalid('verifier key: bad name or id')
  if (material.toString('base64') !== vkey.slice(second + 1))
    return invalid('verifier key: not canonical base64')
  if (material.length !== 33 || material[0] !== ED25519_TYPE)
    return invalid('verifier key: not an Ed25519 key')
  const publicKey = new Uint8Array(material.subarray(1))
  const id = keyId(name, ED25519_TYPE, publicKey)
  if (hex8(id) !== idHex) return invalid('verifier key: id does not match the key')
  return { name, id, publicKey, key: ed25519Public(publicKey) }
}

export function verifierKeyString(v: Pick<NoteVerifier, 'name' | 'publicKey'>): string {
  const id = keyId(v.name, ED25519_TYPE, v.publicKey)
  return `${v.name}+${hex8(id)}+${Buffer.concat([Uint8Array.of(ED25519_TYPE), v.publicKey]).toString('base64')}`
}

/** PKCS#8 prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/** A signer from a raw Ed25519 seed (32 bytes). */
export function signerFromSeed(name: string, seed: Uint8Array): NoteSigner {
  if (!validName(name)) return invalid('signer: bad key name')
  if (seed.length !== 32) return invalid('signer: an Ed25519 seed is 32 bytes')
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
  const key = createPublicKey(privateKey)
  const publicKey = new Uint8Array(
    Buffer.from((key.export({ format: 'jwk' }) as { x: string }).x, 'base64url'),
  )
  return { name, id: keyId(name, ED25519_TYPE, publicKey), publicKey, key, privateKey }
}

/** `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>` (golang.org/x/mod/sumdb/note). */
export function parseSignerKey(skey: string): NoteSigner {
  const m = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+(.+)$/.exec(skey)
  if (!m) return invalid('signer key: expected PRIVATE+KEY+name+id+key')
  const material = Buffer.from(m[3]!, 'base64')
  if (material.length !== 33 || material[0] !== ED25519_TYPE)
    return invalid('signer key: not an Ed25519 key')
  const signer = signerFromSeed(m[1]!, new Uint8Array(material.subarray(1)))
  if (hex8(signer.id) !== m[2]) return invalid('signer key: id does not match the key')
  return signer
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) invalid('note text must end in a newline')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the spec forbids exactly these.
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) invalid('control characters in the note')
}

/** Sign `text` (which ends in a newline) with each signer. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text)
  const lines = signers.map((s) => {
    const sig = sign(null, Buffer.from(text, 'utf8'), s.privateKey)
    const blob = Buffer.alloc(4 + sig.length)
    blob.writeUInt32BE(s.id, 0)
    sig.copy(blob, 4)
    return `${EM_DASH_PREFIX}${s.name} ${blob.toString('base64')}\n`
  })
  return `${text}\n${lines.join('')}`
}

/** The text of a signed note, before its signature lines — not verified; `openNote` verifies. */
export const noteText = (note: string): string => note.slice(0, note.lastIndexOf('\n\n') + 1)

export interface OpenedNote {
  readonly text: string
  readonly verifiedBy: readonly NoteVerifier[]
  /** Signatures by keys we do not know (ignored, kept for cosignature collection). */
  readonly otherSignatures: readonly { name: string; id: number; signature: Uint8Array }[]
}

/** Parse and verify a note: at least one known key must sign; any known key that fails rejects it. */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  if (typeof note !== 'string' || Buffer.byteLength(note) > MAX_NOTE_BYTES)
    return invalid('note missing or too large')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the spec forbids exactly these.
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note) || !note.endsWith('\n'))
    return invalid('malformed note')
  const split = note.lastIndexOf('\n\n')
  if (split < 0) return invalid('no blank line before the signatures')
  const text = note.slice(0, split + 1)
  const sigLines = note.slice(split + 2, -1).split('\n')
  if (sigLines.length > MAX_SIGNATURES) return invalid('too many signatures')
  const verifiedBy: NoteVerifier[] = []
  const otherSignatures: { name: string; id: number; signature: Uint8Array }[] = []
  for (const line of sigLines) {
    if (!line.startsWith(EM_DASH_PREFIX)) return invalid('malformed signature line')
    const rest = line.slice(EM_DASH_PREFIX.length)
    const space = rest.lastIndexOf(' ')
    const name = rest.slice(0, space)
    const b64 = rest.slice(space + 1)
    const blob = Buffer.from(b64, 'base64')
    if (space <= 0 || !validName(name) || blob.length < 5 || blob.toString('base64') !== b64)
      return invalid('malformed signature line')
    const id = blob.readUInt32BE(0)
    const signature = new Uint8Array(blob.subarray(4))
    const known = verifiers.find((v) => v.name === name && v.id === id)
    if (!known) {
      otherSignatures.push({ name, id, signature })
      continue
    }
    if (!verify(null, Buffer.from(text, 'utf8'), known.key, signature))
      return invalid(`signature by ${name} does not verify`)
    if (!verifiedBy.includes(known)) verifiedBy.push(known)
  }
  if (verifiedBy.length === 0) return invalid('no signature by a trusted key')
  return { text, verifiedBy, otherSignatures }
}
