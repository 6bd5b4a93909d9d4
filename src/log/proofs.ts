/**
 * @module log/proofs
 *
 * Inclusion and consistency proofs: generation as RFC 6962 §2.1.1–2.1.2
 * defines PATH and PROOF, verification exactly as RFC 9162 §2.1.3.2 and
 * §2.1.4.2 write it. Inputs to the verifiers are attacker-controlled: sizes
 * and indices are checked before any loop, and a bad proof is `false`, never
 * an exception.
 */
import { equalHashes, HASH_SIZE, nodeHash, splitPoint } from './hashing.js'

/** The root of leaves [start, end): what proof generation needs from storage. */
export type RangeRoot = (start: number, end: number) => Uint8Array

/** PATH(m, D[n]) over the subrange [start, start+n). */
function path(m: number, start: number, n: number, root: RangeRoot): Uint8Array[] {
  if (n <= 1) return []
  const k = splitPoint(n)
  return m < k
    ? [...path(m, start, k, root), root(start + k, start + n)]
    : [...path(m - k, start + k, n - k, root), root(start, start + k)]
}

export function inclusionProof(index: number, size: number, root: RangeRoot): Uint8Array[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`no leaf ${index} in a tree of ${size}`)
  }
  return path(index, 0, size, root)
}

/** SUBPROOF(m, D[n], b) over the subrange [start, start+n). */
function subproof(
  m: number,
  start: number,
  n: number,
  complete: boolean,
  root: RangeRoot,
): Uint8Array[] {
  if (m === n) return complete ? [] : [root(start, start + n)]
  const k = splitPoint(n)
  return m <= k
    ? [...subproof(m, start, k, complete, root), root(start + k, start + n)]
    : [...subproof(m - k, start + k, n - k, false, root), root(start, start + k)]
}

export function consistencyProof(first: number, second: number, root: RangeRoot): Uint8Array[] {
  if (
    !Number.isSafeInteger(first) ||
    !Number.isSafeInteger(second) ||
    first < 0 ||
    first > second
  ) {
    throw new RangeError(`no consistency proof from ${first} to ${second}`)
  }
  if (first === 0 || first === second) return []
  return subproof(first, 0, second, true, root)
}

const lsb = (x: number) => x % 2 === 1

function isPowerOfTwo(x: number): boolean {
  let v = x
  while (v > 1 && v % 2 === 0) v /= 2
  return v === 1
}
const validHashes = (xs: readonly Uint8Array[]) =>
  xs.every((h) => h instanceof Uint8Array && h.length === HASH_SIZE)

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    return false
  if (!validHashes([leaf, root, ...proof]) || proof.length > 64) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r)
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equalHashes(r, root)
}

/** RFC 9162 §2.1.4.2, with its preconditions (equal sizes need an empty proof and equal roots). */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second)
    return false
  if (!validHashes([firstRoot, secondRoot, ...proof]) || proof.length > 128) return false
  if (first === second) return proof.length === 0 && equalHashes(firstRoot, secondRoot)
  if (proof.length === 0) return false
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof]
  let fn = first - 1
  let sn = second - 1
  while (lsb(fn)) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0]!
  let sr = path[0]!
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equalHashes(fr, firstRoot) && equalHashes(sr, secondRoot)
}
