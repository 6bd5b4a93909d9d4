import { describe, expect, it } from 'vitest'
import { RogatoryError } from '../../src/errors/rogatory-error.js'
import { answer } from '../../src/treaty/engine/answer.js'
import { PROFILES } from '../../src/treaty/profile.js'
import { findProvision } from '../../src/treaty/provisions/catalog.js'
import { citeIn, ground, type Rule } from '../../src/treaty/rules/rule.js'
import {
  checkRuleBook,
  compileRuleBook,
  QUESTIONS,
  RULE_BOOK,
  RULES,
} from '../../src/treaty/rules/rule-book.js'
import { findings, REGISTRY, request } from '../helpers.js'

const ask = (book: ReturnType<typeof compileRuleBook>, f = findings({ politicalOffence: true })) =>
  answer(
    { kind: 'assess-request', request: request(), findings: f },
    {
      profile: 'zero-draft-2023',
      asOf: '2027-06-01',
      registry: REGISTRY,
      ruleBook: book,
    },
  )

describe('rule book', () => {
  it('leaves no question undecided for any profile and request type', () => {
    expect(checkRuleBook(RULE_BOOK)).toEqual([])
  })

  it('every rule cites profiles.md and at least one provision the catalogue holds', () => {
    for (const r of RULES) {
      expect(r.section, r.id).toMatch(/^profiles\.md §\d+/)
      if (typeof r.cites !== 'function') {
        expect(r.cites.length, r.id).toBeGreaterThan(0)
        for (const p of r.profiles) {
          for (const c of r.cites) {
            const id = citeIn(p, c)
            const held = findProvision(p, id) ?? findProvision(p, id.replace(/\([^)]*\)$/, ''))
            expect(held, `${r.id} cites ${id} under ${p}`).toBeDefined()
          }
        }
      }
    }
  })

  it('reports a question no rule decides as ERR_NO_RULE, never a guess', () => {
    const book = compileRuleBook(
      QUESTIONS,
      RULES.filter((r) => r.id !== 'ground.political-offence.mla.none'),
    )
    expect(checkRuleBook(book)).toContainEqual({
      question: 'ground.political-offence',
      profile: 'zero-draft-2023',
      subject: 'mla',
    })
    expect(() => ask(book)).toThrowError(expect.objectContaining({ code: 'ERR_NO_RULE' }))
    // Without the finding the question never arises, so the answer stands.
    expect(ask(book, findings()).outcome).toBe('no-listed-ground')
  })

  it('reports two rules deciding the same question as ERR_RULE_CONFLICT', () => {
    const rival: Rule = {
      id: 'ground.political-offence.rival',
      question: 'ground.political-offence',
      section: 'profiles.md §5',
      profiles: ['zero-draft-2023'],
      effect: ground('political-offence', true),
      cites: ['40(21)(b)'],
      note: 'a conflicting reading',
    }
    const book = compileRuleBook(QUESTIONS, [...RULES, rival])
    let err: unknown
    try {
      ask(book)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(RogatoryError)
    expect((err as RogatoryError).code).toBe('ERR_RULE_CONFLICT')
    expect((err as RogatoryError).message).toContain('ground.political-offence.rival')
  })

  it('rejects rules for unknown questions and duplicate ids when compiled', () => {
    expect(() =>
      compileRuleBook(QUESTIONS, [...RULES, { ...RULES[0]!, id: 'x', question: 'nope' }]),
    ).toThrow(/unknown question/)
    expect(() => compileRuleBook(QUESTIONS, [...RULES, RULES[0]!])).toThrow(/duplicate/)
  })

  it('the adopted text cites the article alone inside Arts 35–46, paragraphs elsewhere', () => {
    expect(citeIn('adopted-2024', '40(21)(b)')).toBe('40')
    expect(citeIn('adopted-2024', '6(2)')).toBe('6(2)')
    expect(citeIn('zero-draft-2023', '40(21)(b)')).toBe('40(21)(b)')
  })

  it('every step of the trail carries a citation and its trust mark', () => {
    for (const profile of PROFILES) {
      const a = answer(
        {
          kind: 'assess-request',
          request: request({ language: 'fr' }),
          findings: findings({ essentialInterests: true, refusalReasonsOffered: ['bank-secrecy'] }),
        },
        { profile, asOf: '2027-06-01', registry: REGISTRY },
      )
      expect(a.trail.length).toBeGreaterThan(2)
      for (const s of a.trail) {
        expect(s.cites.length).toBeGreaterThan(0)
        expect(['verified', 'partial', 'unverified']).toContain(s.trust)
      }
      if (profile === 'adopted-2024')
        expect(
          a.trail.every((s) => s.trust !== 'verified' || s.cites.every((c) => !/^4\d/.test(c))),
        ).toBe(true)
    }
  })
})
