import { useCallback, useEffect, useState } from 'react'
import { api, upload } from '../api'
import { ErrorBanner } from '../components/error-banner'
import { ScreeningPanel } from '../components/screening-panel'
import { Countdown, Time } from '../components/time'
import { UsesPanel } from '../components/uses-panel'
import { useSession } from '../session'

interface LogView {
  origin: string
  transitions: {
    transition: number
    index: number | null
    size?: number
    checkpoint?: string
    proof?: string[]
    entry: string
  }[]
}

const FINAL = ['executed', 'partially-executed', 'refused', 'closed', 'withdrawn']

export function CaseView({ id }: { id: string }) {
  const { ref, me } = useSession()
  const [r, setR] = useState<any>(null)
  const [log, setLog] = useState<LogView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [reasons, setReasons] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [check, setCheck] = useState<any>(null)
  const [open, setOpen] = useState<number | null>(null)

  const load = useCallback(async () => {
    try {
      const [req, lg] = await Promise.all([
        api('GET', `/v1/requests/${id}`),
        api<LogView>('GET', `/v1/requests/${id}/log`),
      ])
      setR(req)
      setLog(lg)
    } catch (e) {
      setError(e)
    }
  }, [id])
  useEffect(() => {
    void load()
    const t = setInterval(load, 3000)
    return () => clearInterval(t)
  }, [load])
  if (!r) return <ErrorBanner error={error} />

  const actions = Object.entries(ref.actions).filter(
    ([name, a]) =>
      a.side === r.direction &&
      a.from.includes(r.state) &&
      a.roles.some((x) => me.user.roles.includes(x)) &&
      (name !== 'extend-preservation' || r.type === 'preservation'),
  )
  const act = async (action: string) => {
    try {
      await api('POST', `/v1/requests/${id}/actions`, { action, reasons: reasons.trim() || null })
      setReasons('')
      setError(null)
      await load()
    } catch (e) {
      setError(e)
    }
  }
  const onFile = async (file: File | undefined) => {
    if (!file) return
    setProgress(0)
    try {
      await upload(`/v1/requests/${id}/attachments`, file, setProgress)
      setProgress(1)
      await load()
    } catch (e) {
      setError(e)
      setProgress(null)
    }
  }
  const fetchEvidence = async (aid: string) => {
    try {
      await api('POST', `/v1/requests/${id}/attachments/${aid}/fetch`)
      await load()
    } catch (e) {
      setError(e)
    }
  }
  const download = async (a: { id: string; name: string }) => {
    const res = await fetch(`/v1/requests/${id}/attachments/${a.id}`, {
      headers: { authorization: `Bearer ${sessionStorage.getItem('rogatory.token')}` },
    })
    const url = URL.createObjectURL(await res.blob())
    const link = document.createElement('a')
    link.href = url
    link.download = a.name
    link.click()
    URL.revokeObjectURL(url)
  }
  const downloadPackage = async () => {
    try {
      const pkg = await api('GET', `/v1/requests/${id}/evidence-package`)
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(pkg, null, 2)], { type: 'application/json' }),
      )
      const link = document.createElement('a')
      link.href = url
      link.download = `evidence-package-${id}.json`
      link.click()
      URL.revokeObjectURL(url)
    } catch (e) {
      setError(e)
    }
  }
  const logOf = new Map(log?.transitions.map((t) => [t.transition, t]))
  const fields = Object.entries(r.request.fields as Record<string, unknown>)
  const labels = Object.fromEntries((ref.requiredFields[r.type] ?? []).map((f) => [f.key, f.label]))
  const receipts = r.history.sent.filter((m: any) => m.receipt)

  return (
    <section className="case">
      <h1>
        {r.type} {r.from} → {r.to}{' '}
        <span className={`badge state-${r.state}`} data-testid="case-state">
          {r.state}
        </span>
      </h1>
      <p className="help">
        Request {r.id} · {r.direction} · profile {r.profile} · created <Time iso={r.createdAt} />
        {r.responseDue && !FINAL.includes(r.state) && (
          <>
            {' '}
            · <Countdown iso={r.responseDue} label="answer due" />
          </>
        )}
      </p>
      <ErrorBanner error={error} />
      <div className="two-col">
        <div>
          <h2>Contents</h2>
          <dl className="fields">
            {fields.map(([k, v]) => (
              <div key={k}>
                <dt>{labels[k] ?? k}</dt>
                <dd>{String(v)}</dd>
              </div>
            ))}
          </dl>

          {actions.length > 0 && (
            <section aria-label="Actions" className="actions">
              <h2>Actions</h2>
              <label>
                Reasons or message{' '}
                <small>
                  (required to refuse (Art 40(24)), postpone (40(26)), consult (40(27)) or partly
                  execute)
                </small>
                <textarea value={reasons} onChange={(e) => setReasons(e.target.value)} rows={3} />
              </label>
              {r.direction === 'incoming' && ['under-review', 'consulting'].includes(r.state) && (
                <label>
                  Evidence file
                  <input type="file" onChange={(e) => void onFile(e.target.files?.[0])} />
                </label>
              )}
              {progress !== null && (
                <progress value={progress} max={1} aria-label="Upload progress">
                  {Math.round(progress * 100)}%
                </progress>
              )}
              <div className="buttons">
                {actions.map(([name, a]) => (
                  <button
                    key={name}
                    type="button"
                    className={name === 'refuse' ? 'danger' : undefined}
                    onClick={() => void act(name)}
                    disabled={a.reasonsRequired && !reasons.trim()}
                  >
                    {name}
                  </button>
                ))}
              </div>
            </section>
          )}

          <h2>Evidence</h2>
          {r.history.attachments.length === 0 && <p>No evidence.</p>}
          <ul className="evidence">
            {r.history.attachments.map((a: any) => (
              <li key={a.id}>
                <strong>{a.name}</strong> {a.size.toLocaleString()} bytes{' '}
                <code title={a.sha256}>sha256 {a.sha256.slice(0, 16)}…</code>{' '}
                {a.fetched ? (
                  <button type="button" className="secondary" onClick={() => void download(a)}>
                    Download
                  </button>
                ) : (
                  <button type="button" onClick={() => void fetchEvidence(a.id)}>
                    Fetch and check
                  </button>
                )}
              </li>
            ))}
          </ul>
          {r.history.attachments.some((a: any) => a.fetched) && FINAL.includes(r.state) && (
            <div className="buttons">
              <button type="button" className="secondary" onClick={() => void downloadPackage()}>
                Download evidence package
              </button>
              <button
                type="button"
                onClick={async () =>
                  setCheck(
                    await api('GET', `/v1/requests/${id}/evidence-package/check`).catch((e) => ({
                      ok: false,
                      code: e.code,
                      message: e.message,
                    })),
                  )
                }
              >
                Check evidence package
              </button>
            </div>
          )}
          {check && (
            <p
              className={check.ok ? 'badge good' : 'badge bad'}
              role="status"
              data-testid="package-check"
            >
              {check.ok
                ? `Package verified: signature, ${check.manifest.files.length} file hash(es), ${check.custody.length} custody steps proved in the logs`
                : `${check.code}: ${check.message}`}
            </p>
          )}
        </div>
        <aside>
          <ScreeningPanel s={r.screening} profile={r.profile} labels={labels} />
        </aside>
      </div>

      {(r.direction === 'incoming' || FINAL.includes(r.state)) && (
        <UsesPanel rid={id} direction={r.direction} profile={r.profile} />
      )}

      <h2>Timeline</h2>
      <ol className="timeline" data-testid="timeline">
        {r.history.transitions.map((t: any) => {
          const l = logOf.get(t.id)
          return (
            <li key={t.id}>
              <Time iso={t.at} /> <strong>{t.action}</strong> {t.from_state ?? '—'} → {t.to_state}{' '}
              <small>by {t.actor_role === 'peer' ? t.actor : t.actor_role}</small>{' '}
              {l?.index != null ? (
                <button
                  type="button"
                  className="badge good"
                  aria-expanded={open === t.id}
                  onClick={() => setOpen(open === t.id ? null : t.id)}
                >
                  in log #{l.index}
                </button>
              ) : (
                <span className="badge">queued for the log</span>
              )}
              {t.detail?.reasons && <blockquote>{t.detail.reasons}</blockquote>}
              {open === t.id && l?.index != null && (
                <div className="proof">
                  <p>
                    Entry {l.index} of {l.size} in <code>{log?.origin}</code>, inclusion proof (
                    {l.proof?.length} hashes) against the signed checkpoint:
                  </p>
                  <pre>{l.entry}</pre>
                  <pre>{l.proof?.join('\n')}</pre>
                  <pre>{l.checkpoint}</pre>
                </div>
              )}
            </li>
          )
        })}
      </ol>
      <h2>Messages</h2>
      <ul className="messages">
        {r.history.sent.map((m: any) => (
          <li key={m.message_id}>
            sent {m.kind} to {m.recipient} <Time iso={m.created_at} />:{' '}
            {m.receipt ? (
              <span className="badge good">
                receipt held (delivered <Time iso={m.delivered_at} />)
              </span>
            ) : (
              <span className="badge warn">awaiting receipt ({m.attempts} attempts)</span>
            )}
          </li>
        ))}
        {r.history.received.map((m: any) => (
          <li key={m.message_id}>
            received {m.kind} from {m.sender} <Time iso={m.received_at} />:{' '}
            <span className="badge good">receipt given</span>
          </li>
        ))}
      </ul>
      <p className="help" data-testid="receipts">
        {receipts.length} signed receipt(s) held for messages sent.
      </p>
    </section>
  )
}
