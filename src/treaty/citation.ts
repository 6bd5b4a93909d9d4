/**
 * @module treaty/citation
 *
 * Citations in the form FORMAT.md uses: `"40"`, `"40(21)"`, `"40(21)(b)"`,
 * and `"2(h)"` for lettered items of an article without paragraphs.
 * A citation matches an expected one when it is equal or more specific.
 */
import { RogatoryError } from '../errors/rogatory-error.js'

const CITATION = /^(\d{1,3})((?:\((?:\d{1,3}|[a-z]{1,4})\))*)$/

/** Split `40(21)(b)` into `['40', '21', 'b']`. */
export function citationParts(citation: string): string[] {
  const m = CITATION.exec(citation)
  if (!m)
    throw new RogatoryError('ERR_INVALID_CITATION', `not a citation: ${JSON.stringify(citation)}`)
  const rest = m[2] ? m[2].slice(1, -1).split(')(') : []
  return [m[1]!, ...rest]
}

export const isCitation = (value: string): boolean => CITATION.test(value)

/** The article number of a citation (`"40(21)(b)"` → 40). */
export const articleOf = (citation: string): number => Number.parseInt(citation, 10)

/**
 * True when `actual` is equal to or more specific than `expected`:
 * `"40(21)(b)"` satisfies `"40(21)"` and `"40"`, never the reverse.
 */
export function citationSatisfies(actual: string, expected: string): boolean {
  return actual === expected || actual.startsWith(`${expected}(`)
}

/** The parents of a citation, most specific first: `40(21)(b)` → `40(21)`, `40`. */
export function citationAncestors(citation: string): string[] {
  const parts = citationParts(citation)
  const out: string[] = []
  for (let i = parts.length - 1; i >= 1; i--) {
    out.push(
      parts[0] +
        parts
          .slice(1, i)
          .map((p) => `(${p})`)
          .join(''),
    )
  }
  return out
}
