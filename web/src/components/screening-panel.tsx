import { Citation } from './citation'

export interface Screening {
  asOf: string
  outcome?: string
  grounds: { code: string; mandatory: boolean; cites: string[]; trust: string }[]
  missingFields: string[]
  obligations: string[]
  trail: { rule: string; decision: string; cites: string[]; trust: string; note: string }[]
}

const OUTCOME: Record<string, string> = {
  'no-listed-ground': 'No listed ground for refusal',
  'may-refuse': 'May be refused',
  'must-refuse': 'Must be refused',
  inapplicable: 'The Convention does not apply',
}

/** The treaty engine's answer: outcome, grounds with citations and trust marks, missing contents. */
export function ScreeningPanel({
  s,
  profile,
  labels,
}: {
  s: Screening
  profile: string
  labels?: Record<string, string>
}) {
  return (
    <section className="panel" aria-label={`Screening under ${profile}`}>
      <h3>
        {profile} <small>as of {s.asOf}</small>
      </h3>
      <p className={`outcome outcome-${s.outcome}`} data-testid={`outcome-${profile}`}>
        {OUTCOME[s.outcome ?? ''] ?? s.outcome}
      </p>
      {s.missingFields.length > 0 && (
        <div className="missing" data-testid="missing-fields">
          <strong>Missing required contents:</strong>
          <ul>
            {s.missingFields.map((f) => (
              <li key={f}>{labels?.[f] ?? f}</li>
            ))}
          </ul>
        </div>
      )}
      {s.grounds.length > 0 && (
        <ul className="grounds">
          {s.grounds.map((g) => (
            <li key={g.code}>
              <span className={g.mandatory ? 'badge bad' : 'badge warn'}>
                {g.mandatory ? 'mandatory' : 'discretionary'}
              </span>{' '}
              {g.code}{' '}
              {g.cites.map((c) => (
                <Citation key={c} cite={c} profile={profile} trust={g.trust} />
              ))}
            </li>
          ))}
        </ul>
      )}
      {s.obligations.length > 0 && <p>Obligations: {s.obligations.join(', ')}</p>}
      <details>
        <summary>Why (explanation trail)</summary>
        <ol className="trail">
          {s.trail.map((t) => (
            <li key={`${t.rule}|${t.decision}|${t.cites.join(',')}`}>
              <code>{t.rule}</code>: {t.decision}{' '}
              {t.cites.map((c) => (
                <Citation key={c} cite={c} profile={profile} trust={t.trust} />
              ))}
              <div className="note">{t.note}</div>
            </li>
          ))}
        </ol>
      </details>
    </section>
  )
}
