import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../api'
import { ErrorBanner } from '../components/error-banner'
import { type Screening, ScreeningPanel } from '../components/screening-panel'
import { go } from '../route'
import { useSession } from '../session'

interface Registry {
  version: number
  registry: {
    states: {
      code: string
      name: string
      languages: string[]
      offences: { code: string; title: string; conduct: string[] }[]
    }[]
  }
}

interface Draft {
  type: string
  to: string
  offence: string | null
  conduct: string[]
  language: string | null
  channel: string
  urgent: boolean
  fields: Record<string, string>
  /** Art 40(25): a deadline, with reasons in the facts. */
  deadlineRequested: string | null
  /** Extradition: the person sought (no name: the engine needs only these facts). */
  person: {
    nationality: string | null
    presentIn: string | null
    sentenceRemainingMonths: number | null
    detained: boolean
  }
}

const EMPTY: Draft = {
  type: 'mla',
  to: '',
  offence: null,
  conduct: [],
  language: 'en',
  channel: 'central-authority',
  urgent: false,
  fields: {},
  deadlineRequested: null,
  person: { nationality: null, presentIn: null, sentenceRemainingMonths: null, detained: false },
}

/** The States of the signed register as options (name and code), perhaps without one. */
function StateOptions({ registry, except }: { registry: Registry | null; except?: string }) {
  return (
    <>
      {registry?.registry.states
        .filter((s) => s.code !== except)
        .map((s) => (
          <option key={s.code} value={s.code}>
            {s.name} ({s.code})
          </option>
        ))}
    </>
  )
}

/** Step by step, with the engine's screening live beside the form; drafts save themselves. */
export function Composer({ id }: { id?: string | undefined }) {
  const { me, ref, can } = useSession()
  const [registry, setRegistry] = useState<Registry | null>(null)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [rid, setRid] = useState<string | undefined>(id)
  const [screening, setScreening] = useState<Screening | null>(null)
  const [compare, setCompare] = useState<Record<string, Screening> | null>(null)
  const [showCompare, setShowCompare] = useState(false)
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [error, setError] = useState<unknown>(null)
  const loaded = useRef(!id)

  useEffect(() => {
    void api<Registry>('GET', '/v1/registry').then(setRegistry).catch(setError)
    if (id)
      void api('GET', `/v1/requests/${id}`)
        .then((r) => {
          const q = r.request
          setDraft({
            type: q.type,
            to: q.to,
            offence: q.offence,
            conduct: q.conduct,
            language: q.language,
            channel: q.channel,
            urgent: q.urgent,
            fields: q.fields,
            deadlineRequested: q.deadlineRequested ?? null,
            person: {
              nationality: q.person?.nationality ?? null,
              presentIn: q.person?.presentIn ?? null,
              sentenceRemainingMonths: q.person?.sentenceRemainingMonths ?? null,
              detained: q.person?.detained ?? false,
            },
          })
          setScreening(r.screening)
          loaded.current = true
        })
        .catch(setError)
  }, [id])

  const self = registry?.registry.states.find((s) => s.code === me.state)
  const target = registry?.registry.states.find((s) => s.code === draft.to)
  const required = ref.requiredFields[draft.type] ?? []
  const labels = useMemo(
    () => Object.fromEntries(required.map((f) => [f.key, `${f.label} (Art ${f.cite})`])),
    [required],
  )
  const languageOk = !target || !draft.language || target.languages.includes(draft.language)

  // Autosave: create the draft once the requested State is chosen, then save each change after a pause.
  useEffect(() => {
    if (!loaded.current || !draft.to) return
    const body = {
      request: {
        ...draft,
        fields: Object.fromEntries(Object.entries(draft.fields).filter(([, v]) => v.trim() !== '')),
      },
    }
    setSaved('saving')
    const t = setTimeout(async () => {
      try {
        const r = rid
          ? await api('PUT', `/v1/requests/${rid}`, body)
          : await api('POST', '/v1/requests', body)
        setScreening(r.screening)
        setError(null)
        setSaved('saved')
        if (!rid) {
          setRid(r.id)
          history.replaceState(null, '', `#/compose/${r.id}`)
        }
        if (showCompare) setCompare(await api('GET', `/v1/requests/${r.id}/compare`))
      } catch (e) {
        setError(e)
        setSaved('idle')
      }
    }, 500)
    return () => clearTimeout(t)
  }, [draft, rid, showCompare])

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setField = (k: string, v: string) =>
    setDraft((d) => ({ ...d, fields: { ...d.fields, [k]: v } }))
  const toggleCompare = async () => {
    const next = !showCompare
    setShowCompare(next)
    if (next && rid)
      setCompare(
        await api('GET', `/v1/requests/${rid}/compare`).catch((e) => {
          setError(e)
          return null
        }),
      )
  }
  const approve = async () => {
    try {
      await api('POST', `/v1/requests/${rid}/actions`, { action: 'approve' })
      go(`case/${rid}`)
    } catch (e) {
      setError(e)
    }
  }
  const differs =
    compare &&
    new Set(
      Object.values(compare).map((s) =>
        JSON.stringify([s.outcome, s.grounds.map((g) => `${g.code}:${g.mandatory}`).sort()]),
      ),
    ).size > 1

  return (
    <section className="composer">
      <h1>{rid ? 'Draft request' : 'New request'}</h1>
      <div className="two-col">
        <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Request">
          <fieldset>
            <legend>1. What and to whom</legend>
            <label>
              Type of request
              <select
                value={draft.type}
                onChange={(e) =>
                  set({
                    type: e.target.value,
                    channel: e.target.value === 'emergency-disclosure' ? '24/7' : draft.channel,
                  })
                }
              >
                {ref.requestTypes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Requested State
              <select value={draft.to} onChange={(e) => set({ to: e.target.value })} required>
                <option value="">— choose from the signed register —</option>
                <StateOptions registry={registry} except={me.state} />
              </select>
            </label>
            <label>
              Channel
              <select value={draft.channel} onChange={(e) => set({ channel: e.target.value })}>
                {ref.channels.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label>
              Language of the request
              <input
                value={draft.language ?? ''}
                onChange={(e) => set({ language: e.target.value || null })}
                aria-describedby="lang-help"
              />
            </label>
            <p
              id="lang-help"
              className={languageOk ? 'help' : 'help warn'}
              role={languageOk ? undefined : 'status'}
            >
              {target
                ? languageOk
                  ? `${target.name} accepts: ${target.languages.join(', ')} (Art 40(13)).`
                  : `${target.name} does not accept "${draft.language}"; it accepts ${target.languages.join(', ')} (Art 40(13)).`
                : 'Choose the requested State to see the languages it accepts (Art 40(13)).'}
            </p>
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.urgent}
                onChange={(e) => set({ urgent: e.target.checked })}
              />{' '}
              Urgent
            </label>
          </fieldset>
          <fieldset>
            <legend>2. The offence</legend>
            <label>
              Offence under {me.state} law
              <select
                value={draft.offence ?? ''}
                onChange={(e) => {
                  const o = self?.offences.find((x) => x.code === e.target.value)
                  set({ offence: e.target.value || null, conduct: o?.conduct ?? [] })
                }}
              >
                <option value="">—</option>
                {self?.offences.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.title} ({o.code})
                  </option>
                ))}
              </select>
            </label>
            <p className="help">Conduct: {draft.conduct.join(', ') || '—'}</p>
          </fieldset>
          {draft.type === 'extradition' && (
            <fieldset>
              <legend>The person sought</legend>
              <p className="help">
                Only the facts the treaty rules turn on (Art 37); the person's identity stays in the
                file.
              </p>
              {(['nationality', 'presentIn'] as const).map((key) => (
                <label key={key}>
                  {key === 'nationality' ? 'Nationality' : 'Present in'}
                  <select
                    value={draft.person[key] ?? ''}
                    onChange={(e) =>
                      set({ person: { ...draft.person, [key]: e.target.value || null } })
                    }
                  >
                    <option value="">unknown</option>
                    <StateOptions registry={registry} />
                  </select>
                </label>
              ))}
              <label>
                Months of the sentence still to serve <small>(if sought to serve a sentence)</small>
                <input
                  type="number"
                  min={0}
                  value={draft.person.sentenceRemainingMonths ?? ''}
                  onChange={(e) =>
                    set({
                      person: {
                        ...draft.person,
                        sentenceRemainingMonths:
                          e.target.value === '' ? null : Number(e.target.value),
                      },
                    })
                  }
                />
              </label>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.person.detained}
                  onChange={(e) => set({ person: { ...draft.person, detained: e.target.checked } })}
                />{' '}
                Detained
              </label>
            </fieldset>
          )}
          <fieldset>
            <legend>3. Required contents</legend>
            <label>
              Answer needed by <small>(optional; give the reasons in the facts, Art 40(25))</small>
              <input
                type="date"
                value={draft.deadlineRequested ?? ''}
                onChange={(e) => set({ deadlineRequested: e.target.value || null })}
              />
            </label>
            {required.map((f) => (
              <label key={f.key}>
                {f.label} <small>(Art {f.cite})</small>
                <textarea
                  name={f.key}
                  value={draft.fields[f.key] ?? ''}
                  onChange={(e) => setField(f.key, e.target.value)}
                  aria-invalid={screening?.missingFields.includes(f.key) || undefined}
                  rows={2}
                />
                {screening?.missingFields.includes(f.key) && (
                  <span className="help warn">Required by Art {f.cite}.</span>
                )}
              </label>
            ))}
            <label>
              Persons concerned <small>(optional)</small>
              <textarea
                name="personsConcerned"
                value={draft.fields.personsConcerned ?? ''}
                onChange={(e) => setField('personsConcerned', e.target.value)}
                rows={2}
              />
            </label>
          </fieldset>
          <p className="help" aria-live="polite">
            {saved === 'saving'
              ? 'Saving…'
              : saved === 'saved'
                ? 'Draft saved.'
                : rid
                  ? ''
                  : 'The draft is saved once the requested State is chosen.'}
          </p>
          <ErrorBanner error={error} />
          {rid && can('approver', 'desk247') && (
            <button type="button" onClick={approve} disabled={saved === 'saving'}>
              Approve
            </button>
          )}
          {rid && (
            <a className="button secondary" href={`#/case/${rid}`}>
              Open the case
            </a>
          )}
        </form>
        <aside aria-label="Screening">
          <h2>Screening</h2>
          <label className="inline">
            <input type="checkbox" checked={showCompare} onChange={toggleCompare} disabled={!rid} />{' '}
            Compare the three texts
          </label>
          {!showCompare && screening && (
            <ScreeningPanel s={screening} profile={ref.profile} labels={labels} />
          )}
          {showCompare && compare && (
            <>
              <p className={differs ? 'badge warn' : 'badge'} data-testid="compare-verdict">
                {differs ? 'The texts differ for this request' : 'The three texts agree'}
              </p>
              <div className="compare">
                {Object.entries(compare).map(([p, s]) => (
                  <ScreeningPanel key={p} s={s} profile={p} labels={labels} />
                ))}
              </div>
            </>
          )}
          {!screening && <p className="help">The screening appears as you type.</p>}
        </aside>
      </div>
    </section>
  )
}
