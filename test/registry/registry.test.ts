import { describe, expect, it } from 'vitest'
import type { RogatoryError } from '../../src/errors/rogatory-error.js'
import { parseRegistry } from '../../src/registry/load.js'
import { mergeRegistry } from '../../src/registry/merge.js'
import { RAW_REGISTRY, REGISTRY } from '../helpers.js'

const clone = (): Record<string, any> => JSON.parse(JSON.stringify(RAW_REGISTRY))

function errorOf(raw: unknown): RogatoryError {
  try {
    parseRegistry(raw, 'reg.json')
  } catch (e) {
    return e as RogatoryError
  }
  throw new Error('expected an error')
}

describe('registry', () => {
  it('indexes States, offences and conduct penalties', () => {
    expect(REGISTRY.state('XBO', 'x').name).toBe('Kingdom of Borealia')
    expect(REGISTRY.state('XBO', 'x').conductMaxPenalty.get('illegal-access')).toBe(24)
    expect(REGISTRY.hasMlaTreaty('XHE', 'XCA')).toBe(true)
    expect(REGISTRY.hasMlaTreaty('XAR', 'XBO')).toBe(false)
  })

  it('names the path and the key of a bad value', () => {
    const r = clone()
    r.states[1].languages = ['English']
    const e = errorOf(r)
    expect(e.code).toBe('ERR_REGISTRY_INVALID')
    expect(e.toLine()).toBe(
      'ERR_REGISTRY_INVALID in reg.json at states[1].languages[0]: expected a language code such as en',
    )
  })

  it('names a missing key, an unknown key and a malformed date', () => {
    const a = clone()
    delete a.states[0].reio
    expect(errorOf(a).path).toBe('states[0].reio')
    expect(errorOf(a).message).toBe('required key is missing')
    const b = clone()
    b.states[2].offences[0].maxPenalty = 3
    expect(errorOf(b).path).toBe('states[2].offences[0].maxPenalty')
    const c = clone()
    c.otherDeposits[3] = '2026-02-30'
    expect(errorOf(c).path).toBe('otherDeposits[3]')
  })

  it('rejects duplicate codes and treaty pairs naming unknown States', () => {
    const a = clone()
    a.states[1].code = 'XAR'
    expect(errorOf(a).toLine()).toContain('states[1].code: duplicate State code XAR')
    const b = clone()
    b.mlaTreaties = [['XAR', 'XQQ']]
    expect(errorOf(b).path).toBe('mlaTreaties[0][1]')
  })

  it('merges overrides with States matched by code; other arrays replace', () => {
    const merged = mergeRegistry(RAW_REGISTRY, {
      states: [
        { code: 'XBO', languages: ['en', 'fr'] },
        { ...clone().states[0], code: 'XZA', name: 'New State' },
      ],
      mlaTreaties: [['XAR', 'XBO']],
    }) as Record<string, any>
    const r = parseRegistry(merged)
    expect(r.state('XBO', 'x').languages).toEqual(['en', 'fr'])
    expect(r.state('XBO', 'x').offences.length).toBe(7)
    expect(r.state('XZA', 'x').name).toBe('New State')
    expect(r.hasMlaTreaty('XCA', 'XHE')).toBe(false)
    expect(r.hasMlaTreaty('XBO', 'XAR')).toBe(true)
    // The base is untouched.
    expect(REGISTRY.state('XBO', 'x').languages).toEqual(['en'])
  })
})
