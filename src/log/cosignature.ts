/**
 * @module log/cosignature
 *
 * C2SP tlog-cosignature, Ed25519 (type 0x04): a witness's statement that,
 * as of a time, the checkpoint is the largest consistent tree head it has
 * seen for that log. The signed message is "cosignature/v1\n", "time <t>\n"
 * and the checkpoint body; the signature is a timestamped_signature (u64
 * big-endian time || 64-byte Ed25519 signature) in a note signature line.
 */
import { sign, verify } from 'node:crypto'
import { RogatoryError } from '../errors/rogatory-error.js'
import {
  keyId,
  type NoteSigner,
  type NoteVerifier,
  parseVerifierKey,
  verifierKeyString,
} from './signed-note.js'

export const COSIGNATURE_TYPE = 0x04

const message = (body: string, time: number) =>
  Buffer.from(`cosignature/v1\ntime ${time}\n${body}`, 'utf8')

/** The witness's key id for cosignatures (type 0x04). */
export const cosignerId = (s: Pick<NoteVerifier, 'name' | 'publicKey'>) =>
  keyId(s.name, COSIGNATURE_TYPE, s.publicKey)

/** `<name>+<id>+base64(0x04 || key)`: the vkey clients configure for this witness. */
export function cosignerKeyString(s: Pick<NoteVerifier, 'name' | 'publicKey'>): string {
  const ed = verifierKeyString(s)
  const id = cosignerId(s).toString(16).padStart(8, '0')
  const key = Buffer.from(ed.split('+').slice(2).join('+'), 'base64')
  key[0] = COSIGNATURE_TYPE
  return `${s.name}+${id}+${key.toString('base64')}`
}

/** Parse a cosigner vkey `<name>+<id>+base64(0x04 || key)`, checking the id against the key. */
export function parseCosignerKey(vkey: string): NoteVerifier {
  const bad = (why: string): never => {
    throw new RogatoryError('ERR_NOTE_INVALID', `cosigner key: ${why}`)
  }
  const first = vkey.indexOf('+')
  const second = vkey.indexOf('+', first + 1)
  if (first <= 0 || second < 0) return bad('expected name+id+key')
  const material = Buffer.from(vkey.slice(second + 1), 'base64')
  if (material.length !== 33 || material[0] !== COSIGNATURE_TYPE)
    return bad('not an Ed25519 cosigner key')
  const name = vkey.slice(0, first)
  const publicKey = new Uint8Array(material.subarray(1))
  // Reuse the note parser for the key object and name checks, with the note type byte.
  const note = parseVerifierKey(verifierKeyString({ name, publicKey }))
  if (cosignerId(note).toString(16).padStart(8, '0') !== vkey.slice(first + 1, second))
    return bad('id does not match the key')
  return note
}

/** A signature line cosigning `body` (a checkpoint body, ending in a newline). */
export function cosign(
  body: string,
  witness: NoteSigner,
  time = Math.floor(Date.now() / 1000),
): string {
  const sig = sign(null, message(body, time), witness.privateKey)
  const blob = Buffer.alloc(4 + 8 + sig.length)
  blob.writeUInt32BE(cosignerId(witness), 0)
  blob.writeBigUInt64BE(BigInt(time), 4)
  sig.copy(blob, 12)
  return `\u2014 ${witness.name} ${blob.toString('base64')}\n`
}

/** Verify a cosignature line over `body` by `witness`; returns its time. */
export function verifyCosignature(line: string, body: string, witness: NoteVerifier): number {
  const bad = (why: string): never => {
    throw new RogatoryError('ERR_NOTE_INVALID', `cosignature: ${why}`)
  }
  const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)\n?$/.exec(line)
  if (!m || m[1] !== witness.name) return bad('malformed or another witness')
  const blob = Buffer.from(m[2]!, 'base64')
  // Only the canonical encoding: unused low bits of the last character must not be free to change.
  if (blob.toString('base64') !== m[2]) return bad('non-canonical base64')
  if (blob.length !== 76 || blob.readUInt32BE(0) !== cosignerId(witness))
    return bad('wrong key id or length')
  const time = blob.readBigUInt64BE(4)
  if (time >= 2n ** 63n) return bad('timestamp')
  if (!verify(null, message(body, Number(time)), witness.key, blob.subarray(12)))
    return bad('signature does not verify')
  return Number(time)
}
