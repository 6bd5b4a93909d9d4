import { describe, expect, it } from 'vitest'
import { PROFILES } from '../../src/treaty/profile.js'
import {
  childrenOf,
  citationTrust,
  listProvisions,
  provision,
} from '../../src/treaty/provisions/catalog.js'

describe('provisions catalogue', () => {
  it('holds the zero-draft and OHCHR wording of the contested paragraphs', () => {
    expect(provision('zero-draft-2023', '40(8)').text).toMatch(/^States Parties may decline/)
    expect(provision('ohchr-2023', '40(8)').text).toMatch(/^States Parties shall decline/)
    expect(provision('zero-draft-2023', '40(21)(b)').text).not.toMatch(/political offence/)
    expect(provision('ohchr-2023', '40(21)(b)').text).toMatch(/political offence/)
    expect(provision('ohchr-2023', '40(21)(c)').text).toMatch(/would not be authorized/)
    expect(provision('zero-draft-2023', '40(21)(c)').text).toMatch(/would be prohibited/)
    expect(provision('ohchr-2023', '35(2)').text).toMatch(/serious crime in both/)
    expect(provision('zero-draft-2023', '35(2)').text).not.toMatch(/serious crime in both/)
  })

  it('never presents a summary or an unverified paragraph as verified text', () => {
    for (const profile of PROFILES) {
      for (const p of listProvisions(profile)) {
        expect(p.text === null || p.summary === null, p.id).toBe(true)
        if (p.summary !== null && p.text === null && p.trust === 'verified') {
          // Only Art 5 of the adopted text is a verified summary (V-ar); it is still labelled a summary.
          expect(p.id).toBe('5')
        }
        expect(p.text ?? '').not.toMatch(/~~|\]\(#\)/)
      }
    }
    expect(provision('adopted-2024', '40').text).toBeNull()
    expect(provision('adopted-2024', '40').trust).toBe('partial')
    expect(citationTrust('adopted-2024', '40(21)(b)')).toBe('unverified')
    expect(citationTrust('adopted-2024', '6(2)')).toBe('verified')
    expect(citationTrust('zero-draft-2023', '2(h)')).toBe('partial')
    expect(citationTrust('ohchr-2023', '42(3)')).toBe('partial')
    expect(citationTrust('zero-draft-2023', '99(1)')).toBe('unverified')
  })

  it('lists the items under a paragraph in treaty order', () => {
    expect(childrenOf('zero-draft-2023', '40(21)').map((p) => p.id)).toEqual([
      '40(21)(a)',
      '40(21)(b)',
      '40(21)(c)',
      '40(21)(d)',
    ])
    expect(
      childrenOf('zero-draft-2023', '40(15)')
        .map((p) => p.id)
        .at(-1),
    ).toBe('40(15)(f)')
  })

  it('fails with a code for an unknown or malformed provision', () => {
    expect(() => provision('adopted-2024', '40(21)')).toThrowError(
      expect.objectContaining({ code: 'ERR_UNKNOWN_PROVISION' }),
    )
    expect(() => provision('adopted-2024', 'forty')).toThrowError(
      expect.objectContaining({ code: 'ERR_INVALID_CITATION' }),
    )
  })
})
