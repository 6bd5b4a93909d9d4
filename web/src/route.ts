import { useEffect, useState } from 'react'

const parse = () => (location.hash.replace(/^#\/?/, '') || 'inbox').split('/')

/** Hash routes: #/inbox, #/compose, #/compose/<id>, #/case/<id>, #/registry, #/dashboard. */
export function useRoute(): string[] {
  const [route, setRoute] = useState(parse)
  useEffect(() => {
    const on = () => setRoute(parse())
    addEventListener('hashchange', on)
    return () => removeEventListener('hashchange', on)
  }, [])
  return route
}

export const go = (path: string) => {
  location.hash = `#/${path}`
}
