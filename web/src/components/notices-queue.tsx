import { useCallback, useEffect, useState } from 'react'
import { api } from '../api'
import { useSession } from '../session'
import { ErrorBanner } from './error-banner'
import { Time } from './time'

/** Notices to the people concerned that are due (confidentiality ended): send, or defer for a reason until a date. Both are logged. */
export function NoticesQueue() {
  const { can } = useSession()
  const [due, setDue] = useState<any[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(
    () =>
      api('GET', '/v1/notices?status=due')
        .then((r) => setDue(r.notices))
        .catch(setError),
    [],
  )
  useEffect(() => {
    void load()
  }, [load])
  const settle = async (id: string, how: 'send' | 'defer') => {
    try {
      await api('POST', `/v1/notices/${id}/${how}`, how === 'defer' ? { reason, until } : {})
      setOpen(null)
      setReason('')
      await load()
    } catch (e) {
      setError(e)
    }
  }
  const acts = can('approver', 'desk247')
  return (
    <section aria-label="Notices due">
      <h2>Notices to the people concerned</h2>
      <ErrorBanner error={error} />
      {due.length === 0 ? (
        <p>No notice is due.</p>
      ) : (
        <ul className="notices" data-testid="notices-due">
          {due.map((n) => (
            <li key={n.id}>
              <Time iso={n.created_at} /> <a href={`#/case/${n.request_id}`}>request</a>, Art{' '}
              {n.basis}: {n.person}
              <details>
                <summary>Template</summary>
                <pre className="template">{n.template}</pre>
              </details>
              {acts && (
                <div className="buttons">
                  <button type="button" onClick={() => void settle(n.id, 'send')}>
                    Mark as sent
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setOpen(open === n.id ? null : n.id)}
                  >
                    Defer…
                  </button>
                </div>
              )}
              {open === n.id && (
                <div className="form">
                  <label>
                    Reason for deferring
                    <input
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      maxLength={5000}
                    />
                  </label>
                  <label>
                    Until
                    <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
                  </label>
                  <button
                    type="button"
                    disabled={!reason.trim() || !until}
                    onClick={() => void settle(n.id, 'defer')}
                  >
                    Defer
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
