import { useEffect, useState } from 'react'
import { api } from '../api'
import { BarChart } from '../components/bar-chart'
import { ErrorBanner } from '../components/error-banner'
import { Time } from '../components/time'

const hours = (h: number | null) =>
  h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`

/** Counts and queues for reviewers: by type, state, ground, State pair; time to answer; deletions, notices, alarms. */
export function Dashboard() {
  const [d, setD] = useState<any>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    void api('GET', '/v1/dashboard').then(setD).catch(setError)
  }, [])
  if (!d) return <ErrorBanner error={error} />
  return (
    <section>
      <h1>Review — {d.state}</h1>
      <div className="cards">
        <div className="card">
          <strong>{d.requests}</strong> requests
        </div>
        <div className="card">
          time to answer: median <strong>{hours(d.hoursToAnswer.median)}</strong>, p90{' '}
          <strong>{hours(d.hoursToAnswer.p90)}</strong> <small>(n = {d.hoursToAnswer.n})</small>
        </div>
        <div className="card">
          deletions due now <strong>{d.retention.dueNow}</strong> · scheduled{' '}
          {d.retention.scheduled} · done {d.retention.deleted}
        </div>
        <div className="card">
          notices due <strong>{d.notices.due}</strong> · deferred {d.notices.deferred} · sent{' '}
          {d.notices.sent}
        </div>
        <div className={d.alarms.length ? 'card alarm' : 'card'}>
          witnessing alarms <strong>{d.alarms.length}</strong>
        </div>
      </div>
      <div className="charts">
        <BarChart title="By type" data={d.byType} />
        <BarChart title="By state (outcome)" data={d.byState} />
        <BarChart title="By ground raised in screening" data={d.byGround} />
        <BarChart title="By State pair" data={d.byPair} />
      </div>
      <h2>Retention queue</h2>
      {d.retention.next.length === 0 ? (
        <p>Nothing scheduled.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Item</th>
                <th scope="col">Basis</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {d.retention.next.map((x: any) => (
                <tr key={`${x.requestId}-${x.item}`}>
                  <td>{x.due}</td>
                  <td>
                    <a href={`#/case/${x.requestId}`}>{x.item}</a>
                  </td>
                  <td>
                    {x.basis} (Art {x.cites.map((c: any) => c.cite).join(', ')})
                  </td>
                  <td>{x.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Alarms from witnessing</h2>
      {d.alarms.length === 0 ? (
        <p>No alarms: every peer log checked so far is consistent.</p>
      ) : (
        <ul>
          {d.alarms.map((a: any) => (
            <li key={a.id} className="alarm">
              <Time iso={a.raised_at} /> {a.kind} in the log of {a.subject}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
