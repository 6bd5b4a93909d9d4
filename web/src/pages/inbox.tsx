import { useEffect, useState } from 'react'
import { api } from '../api'
import { ErrorBanner } from '../components/error-banner'
import { Countdown, Time } from '../components/time'

interface Row {
  id: string
  direction: 'outgoing' | 'incoming'
  from: string
  to: string
  type: string
  state: string
  updatedAt: string
  responseDue: string | null
  overdue: boolean
  request: { fields: Record<string, unknown> }
  deadlines: {
    followUpDue: string | null
    followedUp: boolean
    preservation: { until: string | null } | null
  }
}

/** A line that says what the request is about: the first descriptive field it has, else its type and id. */
const title = (r: Row) => {
  const f = r.request.fields
  const text = f.subjectMatter ?? f.offenceAndFacts ?? f.factsSummary ?? f.assistanceSought
  return typeof text === 'string' && text.trim() ? text : `${r.type} ${r.id.slice(0, 8)}`
}

export function Inbox() {
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('incoming')
  const [rows, setRows] = useState<Row[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    const load = () =>
      api<{ requests: Row[] }>('GET', `/v1/requests?direction=${direction}`)
        .then((r) => live && setRows(r.requests))
        .catch(setError)
    void load()
    const t = setInterval(load, 3000)
    return () => {
      live = false
      clearInterval(t)
    }
  }, [direction])
  return (
    <section>
      <h1>Requests</h1>
      <div role="tablist" aria-label="Direction" className="tabs">
        {(['incoming', 'outgoing'] as const).map((d) => (
          <button
            key={d}
            type="button"
            role="tab"
            aria-selected={direction === d}
            onClick={() => setDirection(d)}
          >
            {d === 'incoming' ? 'Received' : 'Sent and drafts'}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} />
      {rows && rows.length === 0 && (
        <p>
          No {direction} requests yet.{' '}
          {direction === 'outgoing' ? <a href="#/compose">Compose one</a> : null}
          {direction === 'outgoing' ? ', or f' : 'F'}ill the demo federation with realistic traffic:{' '}
          <code>npx rogatory demo traffic</code>.
        </p>
      )}
      {rows && rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{direction} requests</caption>
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">Type</th>
                <th scope="col">{direction === 'incoming' ? 'From' : 'To'}</th>
                <th scope="col">State</th>
                <th scope="col">Deadlines</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                  <td>
                    <a href={r.state === 'draft' ? `#/compose/${r.id}` : `#/case/${r.id}`}>
                      {title(r)}
                    </a>
                  </td>
                  <td>{r.type}</td>
                  <td>{direction === 'incoming' ? r.from : r.to}</td>
                  <td>
                    <span className={`badge state-${r.state}`}>{r.state}</span>
                  </td>
                  <td>
                    {r.responseDue &&
                      ![
                        'executed',
                        'partially-executed',
                        'refused',
                        'closed',
                        'withdrawn',
                      ].includes(r.state) && <Countdown iso={r.responseDue} label="answer due" />}
                    {r.deadlines.followUpDue && !r.deadlines.followedUp && (
                      <Countdown iso={r.deadlines.followUpDue} label="follow-up due" />
                    )}
                    {r.deadlines.preservation?.until && (
                      <Countdown
                        iso={`${r.deadlines.preservation.until}T23:59:59Z`}
                        label="preserved until"
                      />
                    )}
                  </td>
                  <td>
                    <Time iso={r.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
