import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import { BarChart } from '../components/bar-chart'
import { ErrorBanner } from '../components/error-banner'
import { NoticesQueue } from '../components/notices-queue'
import { Time } from '../components/time'
import { useSession } from '../session'

const hours = (h: number | null) =>
  h === null ? '—' : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`

/** Counts and queues for reviewers: by type, state, ground, State pair; time to answer; deletions, notices, alarms. */
const quarter = () => {
  const d = new Date()
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`
}

export function Dashboard() {
  const { can } = useSession()
  const [d, setD] = useState<any>(null)
  const [releases, setReleases] = useState<any[]>([])
  const [error, setError] = useState<unknown>(null)
  const [period, setPeriod] = useState(quarter)
  const loadReleases = useCallback(
    () =>
      api('GET', '/v1/statistics/releases')
        .then((r) => setReleases(r.releases))
        .catch(setError),
    [],
  )
  useEffect(() => {
    void api('GET', '/v1/dashboard').then(setD).catch(setError)
    void loadReleases()
  }, [loadReleases])
  const publish = async () => {
    try {
      await api('POST', '/v1/statistics/releases', { period })
      await loadReleases()
    } catch (e) {
      setError(e)
    }
  }
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
      <h2>Public statistics</h2>
      <p className="help">
        Signed releases computed from this node's transparency log, small cells suppressed; anyone
        can recompute them (<code>rogatory stats verify</code>).
      </p>
      {can('reviewer', 'admin') && (
        <div className="buttons">
          <label className="inline">
            Quarter <input value={period} onChange={(e) => setPeriod(e.target.value)} size={8} />
          </label>
          <button type="button" onClick={() => void publish()}>
            Publish the release
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
      {releases.length === 0 ? (
        <p>No release published yet.</p>
      ) : (
        <ul data-testid="releases">
          {releases.map((r) => (
            <li key={r.hash}>
              {r.period}: <code title={r.hash}>{r.hash.slice(0, 16)}…</code> over {r.size} log
              entries, issued <Time iso={r.issued_at} /> ·{' '}
              <a href={`/review/report?period=${r.period}`} target="_blank" rel="noreferrer">
                country review report
              </a>
            </li>
          ))}
        </ul>
      )}
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
      <NoticesQueue />
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
