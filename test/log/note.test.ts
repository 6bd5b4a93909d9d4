/** C2SP signed-note, tlog-checkpoint and tlog-tiles, against the reference examples. */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatCheckpoint, parseCheckpoint } from '../../src/log/checkpoint.js'
import { MerkleTree } from '../../src/log/merkle-tree.js'
import {
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signerFromSeed,
  signNote,
  verifierKeyString,
} from '../../src/log/signed-note.js'
import {
  decodeEntryBundle,
  encodeEntryBundle,
  encodeTileIndex,
  entriesPath,
  tilePath,
} from '../../src/log/tiles.js'

// The example key and note of golang.org/x/mod/sumdb/note (note_test.go and its documentation).
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
const SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'
const NOTE = `${TEXT}\n${SIG}`

const code = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return 'no error'
}

describe('C2SP signed-note', () => {
  it('reproduces the reference note byte for byte and verifies it', () => {
    const signer = parseSignerKey(SKEY)
    expect(verifierKeyString(signer)).toBe(VKEY)
    expect(signNote(TEXT, [signer])).toBe(NOTE)
    const opened = openNote(NOTE, [parseVerifierKey(VKEY)])
    expect(opened.text).toBe(TEXT)
    expect(opened.verifiedBy.map((v) => v.name)).toEqual(['PeterNeumann'])
  })

  it('rejects altered text, signatures, keys and malformed notes', () => {
    const v = parseVerifierKey(VKEY)
    expect(code(() => openNote(NOTE.replace('cryptography', 'cryptographY'), [v]))).toBe(
      'ERR_NOTE_INVALID',
    )
    for (let i = 0; i < SIG.length; i += 5) {
      const sig = SIG.slice(0, i) + (SIG[i] === 'A' ? 'B' : 'A') + SIG.slice(i + 1)
      if (sig !== SIG)
        expect(
          code(() => openNote(`${TEXT}\n${sig}`, [v])),
          `flip at ${i}`,
        ).toBe('ERR_NOTE_INVALID')
    }
    const other = signerFromSeed('PeterNeumann', randomBytes(32))
    expect(code(() => openNote(NOTE, [other]))).toBe('ERR_NOTE_INVALID') // same name, other id: unknown, so no trusted signature
    expect(code(() => openNote(TEXT, [v]))).toBe('ERR_NOTE_INVALID')
    expect(code(() => openNote(`${TEXT}\n${SIG}`.replace('\n\n', '\n\u0001\n'), [v]))).toBe(
      'ERR_NOTE_INVALID',
    )
    for (const bad of [
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T',
      VKEY.slice(0, 20),
    ]) {
      expect(
        code(() => parseVerifierKey(bad)),
        bad,
      ).toBe('ERR_NOTE_INVALID')
    }
  })

  it('keeps signatures by unknown keys (cosignatures) and needs every known one to verify', () => {
    const log = signerFromSeed('log.xar.example', randomBytes(32))
    const witness = signerFromSeed('witness.xbo.example', randomBytes(32))
    const note = signNote('hello\n', [log, witness])
    const opened = openNote(note, [log])
    expect(opened.otherSignatures.map((s) => s.name)).toEqual(['witness.xbo.example'])
    expect(openNote(note, [log, witness]).verifiedBy).toHaveLength(2)
  })
})

describe('C2SP tlog-checkpoint', () => {
  it('round-trips a signed checkpoint and rejects malformed bodies', () => {
    const t = new MerkleTree()
    for (let i = 0; i < 5; i++) t.append(Uint8Array.of(i))
    const log = signerFromSeed('rogatory.example/log/XAR', randomBytes(32))
    const body = formatCheckpoint({
      origin: 'rogatory.example/log/XAR',
      size: t.size,
      root: t.root(),
      extensions: [],
    })
    expect(body.split('\n')).toHaveLength(4)
    const note = signNote(body, [log])
    const c = parseCheckpoint(openNote(note, [parseVerifierKey(verifierKeyString(log))]).text)
    expect(c.size).toBe(5)
    expect(Buffer.from(c.root).equals(Buffer.from(t.root()))).toBe(true)
    for (const bad of [
      'origin\n05\nAAAA\n',
      'origin\n5\nnot-base64\n',
      'origin\n5\n',
      `\n5\n${Buffer.alloc(32).toString('base64')}\n`,
      `origin\n5\n${Buffer.alloc(32).toString('base64')}`,
    ]) {
      expect(
        code(() => parseCheckpoint(bad)),
        JSON.stringify(bad),
      ).toBe('ERR_CHECKPOINT_INVALID')
    }
  })
})

describe('C2SP tlog-tiles', () => {
  it('encodes tile paths as the spec shows', () => {
    expect(encodeTileIndex(1234067)).toBe('x001/x234/067')
    expect(encodeTileIndex(0)).toBe('000')
    expect(encodeTileIndex(999)).toBe('999')
    expect(encodeTileIndex(1000)).toBe('x001/000')
    expect(tilePath(0, 1234067)).toBe('tile/0/x001/x234/067')
    expect(tilePath(1, 3, 17)).toBe('tile/1/003.p/17')
    expect(entriesPath(48, 5)).toBe('tile/entries/048.p/5')
    expect(() => tilePath(0, 1, 0)).toThrow()
    expect(() => tilePath(0, 1, 257)).toThrow()
  })

  it('round-trips entry bundles and rejects truncated ones', () => {
    const entries = [Uint8Array.of(), Uint8Array.of(0x61), new Uint8Array(randomBytes(300))]
    const b = encodeEntryBundle(entries)
    expect(Buffer.from(b.subarray(0, 5)).toString('hex')).toBe('0000000161')
    expect(decodeEntryBundle(b).map((e) => Buffer.from(e).toString('hex'))).toEqual(
      entries.map((e) => Buffer.from(e).toString('hex')),
    )
    expect(() => decodeEntryBundle(b.subarray(0, b.length - 1))).toThrow()
    expect(() => encodeEntryBundle([new Uint8Array(65_536)])).toThrow()
  })
})
