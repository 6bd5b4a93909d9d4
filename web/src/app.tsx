import { useCallback, useEffect, useState } from 'react'
import { api, hasToken, setToken } from './api'
import { ErrorBanner } from './components/error-banner'
import { CaseView } from './pages/case-view'
import { Composer } from './pages/composer'
import { Dashboard } from './pages/dashboard'
import { Inbox } from './pages/inbox'
import { RegistryBrowser } from './pages/registry'
import { SignIn } from './pages/sign-in'
import { Simulator } from './pages/simulator'
import { go, useRoute } from './route'
import { type Me, type Reference, type Session, SessionContext } from './session'

export function App() {
  const [session, setSession] = useState<Session | null>(null)
  const [error, setError] = useState<unknown>(null)
  // Each click on "New request" starts a fresh composer, even from a draft's page.
  const [fresh, setFresh] = useState(0)
  const route = useRoute()

  const load = useCallback(async () => {
    try {
      const [me, ref] = await Promise.all([
        api<Me>('GET', '/v1/me'),
        api<Reference>('GET', '/v1/reference'),
      ])
      setSession({ me, ref, can: (...roles) => roles.some((r) => me.user.roles.includes(r)) })
    } catch (e) {
      setToken(null)
      setSession(null)
      setError(e)
    }
  }, [])
  useEffect(() => {
    if (hasToken()) void load()
  }, [load])

  if (!session)
    return (
      <main className="signin-page">
        <SignIn onSignedIn={() => void load()} />
        <ErrorBanner error={error} />
      </main>
    )
  const { me } = session
  const isReviewer = session.can('reviewer', 'admin', 'approver')
  const page = route[0]
  const nav: [string, string, boolean][] = [
    ['inbox', 'Requests', true],
    ['compose', 'New request', session.can('drafter', 'approver', 'desk247')],
    ['registry', 'Registry', true],
    ['dashboard', 'Review', isReviewer],
    ['simulate', 'Simulator', isReviewer],
  ]
  return (
    <SessionContext.Provider value={session}>
      <header className="top">
        <a className="brand" href="#/inbox">
          Rogatory <span className="state">{me.state}</span>
        </a>
        <nav aria-label="Main">
          {nav
            .filter(([, , shown]) => shown)
            .map(([path, label]) => (
              <a
                key={path}
                href={`#/${path}`}
                aria-current={page === path ? 'page' : undefined}
                onClick={path === 'compose' ? () => setFresh((n) => n + 1) : undefined}
              >
                {label}
              </a>
            ))}
        </nav>
        <span className="who">
          {me.user.username} <small>({me.user.roles.join(', ')})</small>{' '}
          <button
            type="button"
            onClick={() => {
              setToken(null)
              setSession(null)
              go('inbox')
            }}
          >
            Sign out
          </button>
        </span>
      </header>
      <main>
        {page === 'compose' ? (
          <Composer id={route[1]} key={route[1] ? `draft-${route[1]}` : `new-${fresh}`} />
        ) : page === 'case' && route[1] ? (
          <CaseView id={route[1]} key={route[1]} />
        ) : page === 'registry' ? (
          <RegistryBrowser />
        ) : page === 'dashboard' && isReviewer ? (
          <Dashboard />
        ) : page === 'simulate' && isReviewer ? (
          <Simulator />
        ) : (
          <Inbox />
        )}
      </main>
    </SessionContext.Provider>
  )
}
