import { useState } from 'react'
import { api } from '../api'
import { BarChart } from '../components/bar-chart'
import { ErrorBanner } from '../components/error-banner'

const entries = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 10)

/** What would the other texts have changed? This node's requests, re-assessed under each profile. */
export function Simulator() {
  const [r, setR] = useState<any>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async () => {
    setBusy(true)
    try {
      setR(await api('POST', '/v1/simulate'))
      setError(null)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const profiles = r ? Object.keys(r.outcomes) : []
  const outcomes = r ? [...new Set(profiles.flatMap((p) => Object.keys(r.outcomes[p])))].sort() : []
  return (
    <section>
      <h1>Profile simulator</h1>
      <p className="help">
        Every request this node holds, re-assessed by the treaty engine under the zero draft, the
        OHCHR-amended draft and the adopted text. For a file of your own, use{' '}
        <code>rogatory simulate FILE</code>.
      </p>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Simulating…' : 'Run the simulation'}
      </button>
      <ErrorBanner error={error} />
      {r && (
        <>
          <h2>Outcomes of {r.n} requests under each text</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  {profiles.map((p) => (
                    <th key={p} scope="col">
                      {p}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {outcomes.map((o) => (
                  <tr key={o}>
                    <th scope="row">{o}</th>
                    {profiles.map((p) => (
                      <td key={p}>{r.outcomes[p][o] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.pairs.map((pr: any) => (
            <section key={`${pr.from}-${pr.to}`} aria-label={`${pr.from} to ${pr.to}`}>
              <h2>
                {pr.from} → {pr.to}:{' '}
                <span data-testid={`changed-${pr.from}-${pr.to}`}>{pr.changed}</span> outcomes
                change
              </h2>
              <div className="charts">
                <BarChart title="How outcomes move" data={entries(pr.moves)} />
                <BarChart
                  title="Grounds that drive the change"
                  data={Object.entries(
                    pr.drivers as Record<string, { added: number; removed: number }>,
                  )
                    .map(([key, d]) => ({ key, n: d.added + d.removed }))
                    .sort((a, b) => b.n - a.n)
                    .slice(0, 10)}
                />
                <BarChart title="State pairs most affected" data={entries(pr.statePairs)} />
              </div>
            </section>
          ))}
        </>
      )}
    </section>
  )
}
