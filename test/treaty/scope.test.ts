import { describe, expect, it } from 'vitest'
import { assess, citesOf, findings, groundsOf, registryWith, request } from '../helpers.js'

describe('scope (profiles.md §3)', () => {
  it('reports not-party for a State that deposited no instrument, citing the EIF article', () => {
    const a = assess(request({ to: 'XDE', offence: 'XAR-PC-302' }))
    expect(a.outcome).toBe('inapplicable')
    expect(groundsOf(a)).toEqual({ 'not-party': false })
    expect(citesOf(a, 'not-party')).toEqual(['65'])
    expect(
      assess(request({ to: 'XDE' }), findings(), { profile: 'zero-draft-2023' }).grounds[0]?.cites,
    ).toEqual(['64'])
  })

  it('reports not-party once a denunciation has taken effect, citing 66(1) / 67', () => {
    // XFR notified 2027-05-01: effective 2028-05-01.
    expect(
      assess(request({ to: 'XFR', language: 'fr' }), findings(), { asOf: '2028-04-30' }).outcome,
    ).not.toBe('inapplicable')
    const after = assess(request({ to: 'XFR', language: 'fr' }), findings(), {
      asOf: '2028-05-01',
      profile: 'zero-draft-2023',
    })
    expect(groundsOf(after)).toEqual({ 'not-party': false })
    expect(citesOf(after, 'not-party')).toEqual(['66(1)'])
  })

  it('reports not-in-force before the general entry into force (64(1)) and for a late depositor after it (64(2))', () => {
    const before = assess(request(), findings(), { asOf: '2026-11-01', profile: 'zero-draft-2023' })
    expect(groundsOf(before)).toEqual({ 'not-in-force': false })
    expect(citesOf(before, 'not-in-force')).toEqual(['64(1)'])
    // XGO deposited 2027-02-14: in force for it on 2027-03-16.
    const late = assess(request({ to: 'XGO', offence: 'XAR-PC-302' }), findings(), {
      asOf: '2027-03-01',
      profile: 'zero-draft-2023',
    })
    expect(citesOf(late, 'not-in-force')).toEqual(['64(2)'])
    expect(assess(request({ to: 'XGO' }), findings(), { asOf: '2027-03-16' }).outcome).toBe(
      'no-listed-ground',
    )
  })

  it('a State with no instrument gets not-party only, even if the other is not yet bound (§12.2)', () => {
    const a = assess(request({ from: 'XGO', to: 'XDE', offence: 'XGO-2' }), findings(), {
      asOf: '2027-03-01',
    })
    expect(groundsOf(a)).toEqual({ 'not-party': false })
  })

  it('a non-Convention offence is in scope when it is a serious crime (≥ 48 months)', () => {
    const tax = request({ offence: 'XAR-PC-340', conduct: ['tax-evasion'] })
    expect(assess(tax).outcome).not.toBe('inapplicable')
    const piracy = assess(request({ offence: 'XAR-PC-370', conduct: ['copyright-infringement'] }))
    expect(groundsOf(piracy)).toEqual({ 'out-of-scope': false })
    expect(citesOf(piracy, 'out-of-scope')).toEqual(['35'])
  })

  it('OHCHR: a serious crime must cause death or serious harm and be serious in both States', () => {
    const homicide = request({ offence: 'XAR-PC-360', conduct: ['homicide'] })
    const noHarm = assess(homicide, findings(), { profile: 'ohchr-2023' })
    expect(groundsOf(noHarm)).toEqual({ 'out-of-scope': false })
    expect(citesOf(noHarm, 'out-of-scope')).toEqual(['35(1)', '2(h)'])
    expect(
      assess(homicide, findings({ deathOrSeriousHarm: true }), { profile: 'ohchr-2023' }).outcome,
    ).toBe('no-listed-ground')
    const tax = assess(
      request({ offence: 'XAR-PC-340', conduct: ['tax-evasion'] }),
      findings({ deathOrSeriousHarm: true }),
      { profile: 'ohchr-2023' },
    )
    expect(citesOf(tax, 'out-of-scope')).toEqual(['35(1)', '35(2)'])
  })

  it('extradition and transfer of detained persons cover Convention offences only', () => {
    const drugs = { offence: 'XAR-PC-320', conduct: ['drug-trafficking' as const] }
    const ext = assess(request({ type: 'extradition', ...drugs }), findings(), {
      profile: 'zero-draft-2023',
    })
    expect(citesOf(ext, 'out-of-scope')).toEqual(['37(1)'])
    const tdp = assess(request({ type: 'transfer-detained-person', ...drugs }), findings(), {
      profile: 'zero-draft-2023',
    })
    expect(citesOf(tdp, 'out-of-scope')).toEqual(['40(9)'])
    expect(assess(request(drugs)).outcome).not.toBe('inapplicable')
  })

  it('reports every scope ground that applies, and screens nothing else', () => {
    const a = assess(
      request({
        to: 'XDE',
        offence: 'XAR-PC-370',
        conduct: ['copyright-infringement'],
        language: 'zz',
      }),
      findings({ refusalReasonsOffered: ['bank-secrecy'] }),
    )
    expect(groundsOf(a)).toEqual({ 'not-party': false, 'out-of-scope': false })
    expect(a.obligations).toEqual([])
    expect(a.excludedGrounds).toEqual([])
    expect(a.missingFields).toEqual([])
  })

  it('REIO instruments are not counted towards the forty (Art 64(1) / 65(1))', () => {
    // Make XEL's deposit the earliest: if it were counted, the 40th would come sooner.
    const r = registryWith({ states: [{ code: 'XEL', instrumentDeposited: '2025-12-01' }] })
    const a = assess(request(), findings(), { registry: r, asOf: '2026-12-28' })
    expect(groundsOf(a)).toEqual({ 'not-in-force': false })
  })
})
