import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import { useSession } from '../session'
import { Citation } from './citation'
import { ErrorBanner } from './error-banner'
import { Time } from './time'

/**
 * Use restrictions on a case: propose a use, disclosure or onward transfer
 * and see the decision with its rule and citations (refusals are logged
 * too); ask the other State for consent; on the requested side, answer
 * consent requests.
 */
export function UsesPanel({
  rid,
  direction,
  profile,
}: {
  rid: string
  direction: 'outgoing' | 'incoming'
  profile: string
}) {
  const { can } = useSession()
  const [decisions, setDecisions] = useState<any[]>([])
  const [consents, setConsents] = useState<any[]>([])
  const [last, setLast] = useState<any>(null)
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(async () => {
    const [d, c] = await Promise.all([
      api('GET', `/v1/requests/${rid}/uses`),
      api('GET', `/v1/requests/${rid}/consents`),
    ])
    setDecisions(d.decisions)
    setConsents(c.consents)
  }, [rid])
  useEffect(() => {
    void load().catch(setError)
  }, [load])

  const proposed = (form: HTMLFormElement) => {
    const f = new FormData(form)
    return {
      kind: f.get('kind'),
      purpose: f.get('purpose'),
      description: String(f.get('description') ?? ''),
      recipient: f.get('recipient') ? String(f.get('recipient')) : null,
      exculpatory: f.get('exculpatory') === 'on',
      consentId: f.get('consentId') ? String(f.get('consentId')) : null,
    }
  }
  const decide = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setError(null)
    try {
      setLast(await api('POST', `/v1/requests/${rid}/uses`, proposed(e.currentTarget)))
    } catch (err) {
      setLast(null)
      setError(err)
    }
    await load()
  }
  const askConsent = async (form: HTMLFormElement | null) => {
    if (!form) return
    const { consentId: _c, ...use } = proposed(form)
    try {
      await api('POST', `/v1/requests/${rid}/consents`, use)
      await load()
    } catch (err) {
      setError(err)
    }
  }
  const [refusal, setRefusal] = useState('')
  const answer = async (cid: string, granted: boolean) => {
    try {
      await api('POST', `/v1/requests/${rid}/consents/${cid}`, {
        granted,
        reasons: granted ? null : refusal,
      })
      setRefusal('')
      await load()
    } catch (err) {
      setError(err)
    }
  }
  const granted = consents.filter(
    (c) => c.side === 'asked' && c.kind === 'consent' && c.status === 'granted',
  )
  return (
    <section aria-label="Use restrictions" className="panel">
      <h2>Use of the information</h2>
      {direction === 'outgoing' && can('drafter', 'approver', 'desk247') && (
        <form id={`use-${rid}`} onSubmit={decide} className="form">
          <p className="help">
            Checked against specialty (Art 40(19)), conditions accepted after consultation (40(27))
            and onward transfer (36(3)). Every decision is logged.
          </p>
          <label>
            What
            <select name="kind" defaultValue="use">
              <option value="use">use in proceedings</option>
              <option value="disclose">disclose outside the proceedings</option>
              <option value="transfer">transfer to another State</option>
            </select>
          </label>
          <label>
            For
            <select name="purpose" defaultValue="stated">
              <option value="stated">the proceedings stated in the request</option>
              <option value="other">other proceedings</option>
            </select>
          </label>
          <label>
            Description <small>(kept here; only a salted hash is logged)</small>
            <input name="description" required maxLength={2000} />
          </label>
          <label>
            Recipient State <small>(transfers)</small>
            <input name="recipient" pattern="X[A-Z]{2}" placeholder="e.g. XCA" />
          </label>
          <label className="inline">
            <input type="checkbox" name="exculpatory" /> Exculpatory to an accused person
          </label>
          {granted.length > 0 && (
            <label>
              Consent given
              <select name="consentId" defaultValue="">
                <option value="">none</option>
                {granted.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.use.kind} {c.use.recipient ?? ''} — granted{' '}
                    {String(c.answered_at ?? '').slice(0, 10)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="buttons">
            <button type="submit">Check and record</button>
            {can('approver') && (
              <button
                type="button"
                className="secondary"
                onClick={(e) => void askConsent(e.currentTarget.form)}
              >
                Ask for consent
              </button>
            )}
          </div>
        </form>
      )}
      <ErrorBanner error={error} />
      {last && (
        <p
          className={last.outcome === 'refused' ? 'badge bad' : 'badge good'}
          role="status"
          data-testid="use-decision"
        >
          {last.outcome}: {last.reason} ({last.rule})
        </p>
      )}
      {decisions.length > 0 && (
        <ul className="decisions">
          {decisions.map((d) => (
            <li key={d.id}>
              <Time iso={d.at} /> {d.use.kind} ({d.use.purpose}) → <strong>{d.outcome}</strong>,{' '}
              {d.rule}{' '}
              {d.cites.map((c: any) => (
                <Citation key={c.cite} cite={c.cite} profile={profile} trust={c.trust} />
              ))}
            </li>
          ))}
        </ul>
      )}
      {consents.length > 0 && (
        <>
          <h3>Consents and notices</h3>
          {consents.some((c) => c.side === 'given' && c.status === 'pending') &&
            can('approver') && (
              <label>
                Reasons, to refuse a consent
                <input
                  value={refusal}
                  onChange={(e) => setRefusal(e.target.value)}
                  maxLength={20000}
                />
              </label>
            )}
          <ul>
            {consents.map((c) => (
              <li key={c.id}>
                {c.kind === 'notice' ? 'notice' : 'consent'} for {c.use.kind} ({c.use.purpose}){' '}
                {c.use.recipient ?? ''}:{' '}
                <span
                  className={
                    c.status === 'granted' || c.status === 'notified'
                      ? 'badge good'
                      : c.status === 'refused'
                        ? 'badge bad'
                        : 'badge warn'
                  }
                >
                  {c.status}
                </span>
                {c.reasons ? ` — ${c.reasons}` : ''}
                {c.side === 'given' && c.status === 'pending' && can('approver') && (
                  <>
                    {' '}
                    <button type="button" onClick={() => void answer(c.id, true)}>
                      Grant
                    </button>{' '}
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void answer(c.id, false)}
                    >
                      Refuse
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
