/** HTML to PDF (A4) with Debian's Chromium, driven by playwright-core — the same browser the UI tests use. */
import { existsSync } from 'node:fs'
import { RogatoryError } from '../errors/rogatory-error.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function htmlToPdf(html: string, out: string, pagesPng?: string): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new RogatoryError(
      'ERR_FILE_NOT_FOUND',
      'Chromium is needed for PDF: apt-get install -y chromium (or set CHROMIUM_PATH)',
      { file: CHROMIUM },
    )
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } })
    await page.setContent(html, { waitUntil: 'load' })
    await page.pdf({
      path: out,
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
    })
    if (pagesPng) await page.screenshot({ path: pagesPng, fullPage: true })
  } finally {
    await browser.close()
  }
}
