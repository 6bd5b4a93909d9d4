import { useEffect, useState } from 'react'
import { api } from '../api'
import { ErrorBanner } from '../components/error-banner'
import { Time } from '../components/time'

/** The Secretariat's signed register, as this node verified it: what the UNODC directory gives, verifiable. */
export function RegistryBrowser() {
  const [reg, setReg] = useState<any>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    void api('GET', '/v1/registry').then(setReg).catch(setError)
  }, [])
  if (!reg) return <ErrorBanner error={error} />
  const nodes = new Map<string, any>(reg.nodes.map((n: any) => [n.state, n]))
  return (
    <section>
      <h1>Registry</h1>
      <p className="help">
        Signed snapshot version {reg.version}, issued <Time iso={reg.issuedAt} />. Verified by this
        node against the Secretariat's pinned key.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Treaty status</th>
              <th scope="col">Central authority</th>
              <th scope="col">24/7 point of contact</th>
              <th scope="col">Languages</th>
              <th scope="col">Reservations</th>
              <th scope="col">Node</th>
            </tr>
          </thead>
          <tbody>
            {reg.registry.states.map((s: any) => (
              <tr key={s.code}>
                <th scope="row">
                  {s.name} <small>({s.code})</small>
                </th>
                <td>
                  {s.instrumentDeposited
                    ? `instrument deposited ${s.instrumentDeposited}`
                    : s.signed
                      ? `signed ${s.signed}`
                      : 'not a signatory'}
                  {s.denunciationNotified ? `; denounced ${s.denunciationNotified}` : ''}
                </td>
                <td>
                  {s.centralAuthority?.name ?? '—'}
                  {s.centralAuthority?.email ? (
                    <div className="help">{s.centralAuthority.email}</div>
                  ) : null}
                </td>
                <td>
                  {s.pointOfContact247?.name ?? '—'}
                  {s.pointOfContact247?.phone ? (
                    <div className="help">{s.pointOfContact247.phone}</div>
                  ) : null}
                </td>
                <td>{s.languages.join(', ')}</td>
                <td>{s.reservations.length ? s.reservations.join(', ') : 'none'}</td>
                <td>
                  {nodes.get(s.code) ? (
                    <span
                      className="badge good"
                      title={nodes
                        .get(s.code)
                        .keys.map((k: any) => `${k.use} ${k.kid} ${k.status}`)
                        .join('\n')}
                    >
                      enrolled, {nodes.get(s.code).keys.length} keys
                    </span>
                  ) : (
                    <span className="badge">no node</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
