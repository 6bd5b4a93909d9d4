/**
 * The web UI end to end in a real browser (Debian's Chromium driven by
 * playwright-core) against a federation started as `npm start` starts it,
 * on 127.0.0.1: a drafter in XAR composes an MLA request and fixes the
 * missing field the screening shows; an approver signs and sends it; an
 * approver in XBO consults and executes it in part with an evidence file;
 * XAR sees the receipt and the evidence, checks the package, and compares
 * the three texts on a dual-criminality case. Every page is checked with
 * axe-core (no serious or critical violations), at 1280 px and 390 px,
 * and the browser console must stay free of errors. Failures save a
 * screenshot in test-results/; the screenshots in docs/screenshots/ are
 * refreshed on each run.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEB_DIST } from '../../src/node/routes/ui-routes.js'
import { BACKENDS } from '../support/backends.js'
import { PASSWORD, useFederation } from '../support/federation.js'

// Page functions run in the browser; the tests are type-checked without the DOM library.
declare const document: any
declare const window: any

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ROOT = join(import.meta.dirname, '..', '..')
const SHOTS = join(ROOT, 'docs', 'screenshots')
const FAILURES = join(ROOT, 'test-results')
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

describe('web UI in Chromium', () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('the UI is not built: npm run build')
  const fed = useFederation(BACKENDS[0]!, ['XAR', 'XBO', 'XCA'])
  let browser: Browser
  const consoleErrors: string[] = []
  let provokedRefusal = false

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    mkdirSync(SHOTS, { recursive: true })
    mkdirSync(FAILURES, { recursive: true })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  async function open(state: string, user: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    page.on('console', (m) => {
      // The one HTTP error the test provokes on purpose: a use refused by the restrictions (403 ERR_USE_RESTRICTED), shown in the page.
      if (m.type() === 'error' && !(provokedRefusal && /status of 403/.test(m.text())))
        consoleErrors.push(`${state} ${user}: ${m.text()}`)
    })
    page.on('pageerror', (e) => consoleErrors.push(`${state} ${user}: ${e.message}`))
    await page.goto(fed().nodes.get(state)!.url)
    await page.getByLabel('User name').fill(user)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    return page
  }

  /** Run a step; on failure keep a screenshot of the page. */
  async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      await page
        .screenshot({ path: join(FAILURES, `e2e-${name}.png`), fullPage: true })
        .catch(() => {})
      throw e
    }
  }

  async function axe(page: Page, where: string) {
    await page.addScriptTag({ content: AXE })
    const violations = await page.evaluate(async () => {
      const r = await (window as any).axe.run(document, { resultTypes: ['violations'] })
      return r.violations
        .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v: any) =>
            `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).join('; ')})`,
        )
    })
    expect(violations, `axe on ${where}`).toEqual([])
  }

  it('runs a request from composer to evidence, across two nodes', async () => {
    // XAR drafter: the composer prompts for what is missing, live.
    const drafter = await open('XAR', 'xar.drafter')
    const rid = await step(drafter, 'compose', async () => {
      await drafter.getByRole('link', { name: 'New request' }).click()
      await drafter.getByLabel('Requested State').selectOption('XBO')
      await drafter.getByLabel(/^Offence under XAR law/).selectOption('XAR-PC-302')
      await drafter
        .getByLabel(/Identity of the authority/)
        .fill('Office of the Public Prosecutor, Cybercrime Section (Arcadia)')
      await drafter
        .getByLabel(/Subject matter/)
        .fill('Investigation 2027/114 into payment diversion')
      await drafter
        .getByLabel(/Description of the assistance/)
        .fill('Subscriber information of account 88231 (fictional)')
      await drafter
        .getByLabel(/Time period and purpose/)
        .fill('Identify the suspect; March to May 2027')
      const missing = drafter.getByTestId('missing-fields')
      await expect
        .poll(() => missing.textContent(), { timeout: 10_000 })
        .toMatch(/Summary of the relevant facts/)
      await expect.poll(() => drafter.getByText('Draft saved.').count()).toBe(1)
      await axe(drafter, 'composer')
      await drafter.screenshot({ path: join(SHOTS, 'composer.png'), fullPage: true })
      await drafter
        .getByLabel(/Summary of the relevant facts/)
        .fill('Payments of an invented company were diverted after a phishing campaign.')
      await expect.poll(() => missing.count(), { timeout: 10_000 }).toBe(0)
      await expect
        .poll(() => drafter.getByTestId('outcome-adopted-2024').textContent())
        .toMatch(/No listed ground/)
      return drafter.url().split('/').pop()!
    })
    expect(rid).toMatch(/^[0-9a-f-]{36}$/)

    // XAR approver: approves and sends.
    const approver = await open('XAR', 'xar.approver')
    await step(approver, 'approve-send', async () => {
      await approver.goto(`${fed().nodes.get('XAR')!.url}/#/compose/${rid}`)
      await approver.getByRole('button', { name: 'Approve' }).click()
      await approver.getByRole('button', { name: 'send' }).click()
      await expect
        .poll(() => approver.getByTestId('case-state').textContent(), { timeout: 15_000 })
        .toBe('delivered')
    })

    // XBO approver: it arrived; consult, then execute in part with an evidence file.
    const xbo = await open('XBO', 'xbo.approver')
    await step(xbo, 'xbo-execute', async () => {
      await xbo.getByRole('link', { name: /Investigation 2027\/114/ }).click()
      await xbo.getByRole('button', { name: 'acknowledge' }).click()
      await expect.poll(() => xbo.getByTestId('case-state').textContent()).toBe('acknowledged')
      await xbo.getByRole('button', { name: 'review', exact: true }).click()
      await expect.poll(() => xbo.getByTestId('case-state').textContent()).toBe('under-review')
      await xbo.getByLabel(/Reasons or message/).fill('Can the period be narrowed to April 2027?')
      await xbo.getByRole('button', { name: 'consult' }).click()
      await expect.poll(() => xbo.getByTestId('case-state').textContent()).toBe('consulting')
      await xbo.getByLabel('Evidence file').setInputFiles({
        name: 'login-records-april.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(
          '2027-04-02T10:11:12Z login account 88231 from 198.51.100.7 (fictional)\n'.repeat(200),
        ),
      })
      await expect.poll(() => xbo.getByText('login-records-april.txt').count()).toBe(1)
      await xbo.getByLabel(/Reasons or message/).fill('Records before April 2027 no longer exist.')
      await xbo.getByRole('button', { name: 'partially-execute' }).click()
      await expect
        .poll(() => xbo.getByTestId('case-state').textContent())
        .toBe('partially-executed')
      await axe(xbo, 'case view (XBO)')
    })

    // XAR: the decision, the receipt and the evidence; fetch it and check the package.
    await step(approver, 'xar-evidence', async () => {
      await expect
        .poll(() => approver.getByTestId('case-state').textContent(), { timeout: 15_000 })
        .toBe('partially-executed')
      await expect
        .poll(() => approver.getByTestId('receipts').textContent())
        .toMatch(/[1-9]\d* signed receipt/)
      await approver.getByRole('button', { name: 'Fetch and check' }).click()
      await approver.getByRole('button', { name: 'Check evidence package' }).click()
      await expect
        .poll(() => approver.getByTestId('package-check').textContent(), { timeout: 15_000 })
        .toMatch(/Package verified/)
      // Every transition, the receipt included, is shown in the log once the sequencer has run.
      await expect
        .poll(() => approver.getByText('queued for the log').count(), { timeout: 10_000 })
        .toBe(0)
      const inLog = approver.getByRole('button', { name: /^in log #\d+/ }).first()
      await inLog.click()
      await expect.poll(() => approver.locator('.proof').count()).toBe(1)
      // Use restrictions: another use needs consent (40(19)); the stated proceedings do not. Both decisions are recorded.
      const uses = approver.getByRole('region', { name: 'Use restrictions' })
      await uses.locator('select[name=kind]').selectOption('use')
      await uses.locator('select[name=purpose]').selectOption('other')
      await uses.getByLabel(/^Description/).fill('An unrelated tax case (fictional)')
      provokedRefusal = true
      await uses.getByRole('button', { name: 'Check and record' }).click()
      await expect
        .poll(() => approver.getByRole('alert').textContent())
        .toMatch(/ERR_USE_RESTRICTED/)
      await uses.locator('select[name=purpose]').selectOption('stated')
      await uses.getByRole('button', { name: 'Check and record' }).click()
      await expect
        .poll(() => approver.getByTestId('use-decision').textContent())
        .toMatch(/^allowed/)
      await expect.poll(() => uses.locator('.decisions li').count()).toBe(2)
      await axe(approver, 'case view (XAR)')
      await approver.screenshot({ path: join(SHOTS, 'case-view.png'), fullPage: true })
    })

    // The three texts side by side on a dual-criminality case (possession of hacking tools is no offence in XBO).
    await step(drafter, 'compare', async () => {
      await drafter.getByRole('link', { name: 'New request' }).click()
      await drafter.getByLabel('Requested State').selectOption('XBO')
      await drafter.getByLabel(/^Offence under XAR law/).selectOption('XAR-PC-305')
      await expect
        .poll(() => drafter.getByText('Draft saved.').count(), { timeout: 10_000 })
        .toBe(1)
      await drafter.getByLabel('Compare the three texts').check()
      await expect
        .poll(() => drafter.getByTestId('compare-verdict').textContent(), { timeout: 10_000 })
        .toMatch(/differ/)
      await expect
        .poll(() => drafter.getByTestId('outcome-ohchr-2023').textContent())
        .toMatch(/Must be refused/)
      await expect
        .poll(() => drafter.getByTestId('outcome-zero-draft-2023').textContent())
        .toMatch(/May be refused/)
    })
  }, 180_000)

  it('the reviewer dashboard, the registry and the inbox: accessible, and usable at 390 px', async () => {
    const reviewer = await open('XAR', 'xar.reviewer')
    await step(reviewer, 'dashboard', async () => {
      await reviewer.getByRole('link', { name: 'Review' }).click()
      await reviewer.getByRole('heading', { name: /Review — XAR/ }).waitFor()
      await reviewer.getByRole('figure', { name: 'By State pair' }).waitFor()
      await axe(reviewer, 'dashboard')
      await reviewer.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true })
      await reviewer.getByRole('link', { name: 'Registry' }).click()
      await reviewer.getByText(/Signed snapshot version \d+/).waitFor()
      await axe(reviewer, 'registry')
    })
    // A drafter sees no review page: the UI shows only what the role may do.
    const drafter = await open('XAR', 'xar.drafter', 390)
    await step(drafter, 'narrow', async () => {
      expect(await drafter.getByRole('link', { name: 'Review' }).count()).toBe(0)
      await drafter.getByRole('tab', { name: 'Sent and drafts' }).click()
      await drafter.getByRole('table').waitFor()
      const overflow = await drafter.evaluate(() => document.body.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(1)
      await axe(drafter, 'inbox at 390 px')
      // Keyboard only: from the top, Tab reaches the brand, then the main navigation; Enter opens the composer.
      await drafter.reload()
      await drafter.getByRole('navigation', { name: 'Main' }).waitFor()
      await drafter.keyboard.press('Tab')
      expect(await drafter.evaluate(() => document.activeElement?.textContent)).toMatch(/^Rogatory/)
      await drafter.keyboard.press('Tab')
      await drafter.keyboard.press('Tab')
      expect(await drafter.evaluate(() => document.activeElement?.textContent)).toBe('New request')
      await drafter.keyboard.press('Enter')
      await drafter.getByRole('heading', { name: 'New request' }).waitFor()
      // Extradition asks for the facts about the person the rules turn on.
      await drafter.getByLabel('Type of request').selectOption('extradition')
      await drafter.getByRole('group', { name: 'The person sought' }).waitFor()
      await axe(drafter, 'composer at 390 px')
    })
    expect(consoleErrors).toEqual([])
  }, 120_000)

  it('a reviewer publishes the statistics, opens the country review report (also as PDF) and runs the simulator', async () => {
    const reviewer = await open('XBO', 'xbo.reviewer')
    await step(reviewer, 'review', async () => {
      await reviewer.getByRole('link', { name: 'Review' }).click()
      await reviewer.getByRole('button', { name: 'Publish the release' }).click()
      const release = reviewer
        .getByTestId('releases')
        .getByRole('link', { name: 'country review report' })
        .first()
      const href = await release.getAttribute('href')
      expect(href).toMatch(/^\/review\/report\?period=\d{4}-Q[1-4]$/)
      await axe(reviewer, 'dashboard with releases')
      // The report is public: no session needed. It renders to PDF with the same Chromium.
      const html = await (await fetch(new URL(href!, fed().nodes.get('XBO')!.url))).text()
      expect(html).toMatch(/Country review report — Kingdom of Borealia \(XBO\)/)
      expect(html).toMatch(/Safeguards the adopted-2024 text lacks/)
      const report = await browser.newPage()
      await report.setContent(html)
      await axe(report, 'country review report')
      const pdf = await report.pdf({ format: 'A4' })
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf.length).toBeGreaterThan(20_000)
      await reviewer.getByRole('link', { name: 'Simulator' }).click()
      await reviewer.getByRole('button', { name: 'Run the simulation' }).click()
      await reviewer
        .getByRole('heading', { name: /Outcomes of \d+ requests under each text/ })
        .waitFor()
      await axe(reviewer, 'simulator')
      await reviewer.screenshot({ path: join(SHOTS, 'simulator.png'), fullPage: true })
    })
    expect(consoleErrors).toEqual([])
  }, 120_000)
})
