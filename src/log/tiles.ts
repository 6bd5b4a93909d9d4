/**
 * @module log/tiles
 *
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles) layout: tiles of height 8
 * (256 hashes), paths `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`,
 * where N is written in groups of three digits, each but the last prefixed
 * with "x" (1234067 → x001/x234/067). Entry bundles are big-endian
 * uint16 length-prefixed entries.
 */
export const TILE_HEIGHT = 8
export const TILE_WIDTH = 1 << TILE_HEIGHT

export function encodeTileIndex(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad tile index ${n}`)
  const groups: string[] = []
  let rest = n
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'))
    rest = Math.floor(rest / 1000)
  } while (rest > 0)
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')
}

const partial = (width: number) => {
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH)
    throw new RangeError(`bad tile width ${width}`)
  return width === TILE_WIDTH ? '' : `.p/${width}`
}

export const tilePath = (level: number, index: number, width = TILE_WIDTH): string =>
  `tile/${level}/${encodeTileIndex(index)}${partial(width)}`

export const entriesPath = (index: number, width = TILE_WIDTH): string =>
  `tile/entries/${encodeTileIndex(index)}${partial(width)}`

export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  const size = entries.reduce((n, e) => n + 2 + e.length, 0)
  const out = Buffer.alloc(size)
  let at = 0
  for (const e of entries) {
    if (e.length > 0xffff) throw new RangeError('entry larger than 65535 bytes')
    out.writeUInt16BE(e.length, at)
    out.set(e, at + 2)
    at += 2 + e.length
  }
  return new Uint8Array(out)
}

export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const b = Buffer.from(bundle)
  const out: Uint8Array[] = []
  let at = 0
  while (at < b.length) {
    if (at + 2 > b.length) throw new RangeError('truncated entry bundle')
    const len = b.readUInt16BE(at)
    if (at + 2 + len > b.length) throw new RangeError('truncated entry bundle')
    out.push(new Uint8Array(b.subarray(at + 2, at + 2 + len)))
    at += 2 + len
  }
  return out
}

export type TileAddress =
  | {
      readonly kind: 'hashes'
      readonly level: number
      readonly index: number
      readonly width: number
    }
  | { readonly kind: 'entries'; readonly index: number; readonly width: number }

/** Parse what follows `tile/` in a tlog-tiles URL; undefined when it is not a canonical tile path. */
export function parseTilePath(rest: string): TileAddress | undefined {
  const m = /^(entries|[0-9]{1,2})\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(
    rest,
  )
  if (!m) return undefined
  const index = Number(m[2]!.replaceAll('x', '').replaceAll('/', ''))
  const width = m[3] ? Number(m[3]) : TILE_WIDTH
  if (!Number.isSafeInteger(index) || width > TILE_WIDTH || (m[3] && width === TILE_WIDTH))
    return undefined
  // Only the canonical encoding is accepted (no leading zero groups).
  if (encodeTileIndex(index) !== m[2]) return undefined
  if (m[1] === 'entries') return { kind: 'entries', index, width }
  const level = Number(m[1])
  if (String(level) !== m[1] || level > 63) return undefined
  return { kind: 'hashes', level, index, width }
}
