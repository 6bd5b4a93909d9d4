/** The built CLI as a user runs it (npm test builds dist/ before the unit tests). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { RAW_REGISTRY } from '../helpers.js'

const BIN = fileURLToPath(new URL('../../bin/rogatory.js', import.meta.url))
const PUBLIC = fileURLToPath(new URL('../../../shared/scenarios/public', import.meta.url))
const MIXED = fileURLToPath(new URL('../fixtures/scenarios-mixed', import.meta.url))

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const base = JSON.parse(
  JSON.stringify({
    asOf: '2027-06-01',
    profile: 'adopted-2024',
    question: {
      kind: 'assess-request',
      request: {
        type: 'mla',
        from: 'XAR',
        to: 'XBO',
        offence: 'XAR-PC-305',
        conduct: ['misuse-of-devices'],
        language: 'en',
        fields: {},
      },
    },
  }),
)

const made: string[] = []
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true })
})

function questionFile(mutate: (q: any) => void = () => {}, raw?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rogatory-cli-'))
  made.push(dir)
  writeFileSync(join(dir, 'registry.json'), JSON.stringify(RAW_REGISTRY))
  const q = structuredClone(base)
  mutate(q)
  const file = join(dir, 'q.json')
  writeFileSync(file, raw ?? JSON.stringify(q))
  return file
}

describe('rogatory CLI', () => {
  it('scenarios run ends with the closing line and exits 0 when all pass', () => {
    const r = run('scenarios', 'run', PUBLIC)
    expect(r.code).toBe(0)
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/)
  })

  it('scenarios run exits non-zero on failures and malformed files', () => {
    const r = run('scenarios', 'run', MIXED)
    expect(r.code).not.toBe(0)
    expect(r.out.trim().split('\n').at(-1)).toBe('3 passed, 2 failed')
  })

  it('scenarios lint flags the malformed file and passes the published set', () => {
    expect(run('scenarios', 'lint', PUBLIC).code).toBe(0)
    const r = run('scenarios', 'lint', MIXED)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/004-malformed\.json: ERR_SCENARIO_INVALID/)
  })

  it('assess prints outcome, grounds with citations and trust, and the trail', () => {
    const r = run('assess', questionFile())
    expect(r.code).toBe(0)
    expect(r.out).toContain('Outcome: may-refuse')
    expect(r.out).toMatch(/no-dual-criminality\s+discretionary\s+cites 40\s+\[partial\]/)
    expect(r.out).toContain('Explanation trail:')
  })

  it('assess --compare shows where the three texts differ and why', () => {
    const r = run('assess', questionFile(), '--compare')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/≠ outcome\s+may-refuse\s+must-refuse\s+may-refuse/)
    expect(r.out).toContain('OHCHR replaces "may" by "shall"')
    const json = JSON.parse(run('assess', questionFile(), '--compare', '--json').out)
    expect(json.assessments['ohchr-2023'].outcome).toBe('must-refuse')
  })

  it('provision prints the text with its trust mark; a summary is labelled as such', () => {
    const r = run('provision', '40(21)', '--profile', 'ohchr-2023')
    expect(r.code).toBe(0)
    expect(r.out).toContain('40(21)(b)')
    expect(r.out).toContain('political offence')
    const adopted = run('provision', '40', '--profile', 'adopted-2024')
    expect(adopted.out).toContain('Summary, not the treaty text [P partial]')
  })

  const bad: [string, (q: any) => void, string | undefined, RegExp][] = [
    [
      'unknown profile',
      (q) => {
        q.profile = 'final-2025'
      },
      undefined,
      /^rogatory: ERR_UNKNOWN_PROFILE in .* at profile: /,
    ],
    [
      'unknown State',
      (q) => {
        q.question.request.to = 'XQQ'
      },
      undefined,
      /ERR_UNKNOWN_STATE .*at question\.request\.to/,
    ],
    [
      'unknown offence',
      (q) => {
        q.question.request.offence = 'XAR-0'
      },
      undefined,
      /ERR_UNKNOWN_OFFENCE .*at question\.request\.offence/,
    ],
    [
      'malformed date',
      (q) => {
        q.asOf = '2027-13-01'
      },
      undefined,
      /ERR_INPUT_INVALID .*at asOf: expected a calendar date/,
    ],
    [
      'missing key',
      (q) => {
        delete q.question.request.type
      },
      undefined,
      /ERR_INPUT_INVALID .*at question\.request\.type: required key is missing/,
    ],
    ['JSON syntax', () => {}, '{"asOf": ', /ERR_INPUT_JSON in .*q\.json: /],
  ]
  for (const [name, mutate, raw, pattern] of bad) {
    it(`bad input (${name}) is one line with its code and path, exit 2, no stack trace`, () => {
      const r = run('assess', questionFile(mutate, raw))
      expect(r.code).toBe(2)
      expect(r.err.trim().split('\n')).toHaveLength(1)
      expect(r.err).toMatch(pattern)
      expect(r.err).not.toMatch(/\n\s+at /)
    })
  }

  it('user add creates the first admin, reading the password from standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rogatory-cli-'))
    made.push(dir)
    const args = [
      BIN,
      'user',
      'add',
      '--state',
      'XAR',
      '--username',
      'first.admin',
      '--roles',
      'admin,approver',
      '--password-stdin',
      '--data',
      dir,
    ]
    const env = { ...process.env, DATABASE_URL: '' }
    const ok = spawnSync(process.execPath, args, {
      input: 'a-long-enough-password\n',
      encoding: 'utf8',
      env,
    })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('first.admin (admin, approver) saved on the XAR node.')
    const short = spawnSync(process.execPath, args, { input: 'short\n', encoding: 'utf8', env })
    expect(short.status).toBe(2)
    expect(short.stderr).toMatch(/ERR_INPUT_INVALID at password/)
  }, 30_000)

  it('a missing file is a one-line error', () => {
    const r = run('scenarios', 'run', '/nonexistent-dir-for-rogatory')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^rogatory: ERR_REGISTRY_NOT_FOUND|^rogatory: ERR_FILE_NOT_FOUND/)
  })
})
