import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorTableMarkdown } from '../../src/errors/table.js'

describe('docs that cannot rot', () => {
  it('docs/errors.md holds the generated error table', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')
    expect(doc).toContain(errorTableMarkdown())
  })

  it('README gives the two set-up commands and .ci/run runs the README test command', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(readme).toContain('npm install && npm start')
    expect(readme).toContain('npm install && npm test')
    expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m)
  })
})
