/** `rogatory review report|comment`: the country review report (HTML, PDF) and signed reviewer comments. */
import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { RogatoryError } from '../../errors/rogatory-error.js'
import { type ClientOptions, connect, withClient } from '../client.js'
import { action, print } from '../io.js'
import { htmlToPdf } from '../pdf.js'
import { register } from '../register.js'

export function registerReview(program: Command): void {
  const review = program
    .command('review')
    .description('country review reports and reviewer comments')
  review
    .command('report')
    .description("a State's country review report for a quarter, as HTML and optionally PDF")
    .requiredOption('--state <code>', 'State code')
    .requiredOption('--period <quarter>', 'e.g. 2027-Q2')
    .requiredOption('--out <file.html>', 'where to write the HTML')
    .option('--pdf <file.pdf>', 'also render it to PDF (needs Chromium)')
    .option('--png <file.png>', 'and a full-page PNG, for a visual check')
    .option('--data <dir>', 'data directory of the federation (for the register)', 'data')
    .action(
      action(
        async (o: {
          state: string
          period: string
          out: string
          pdf?: string
          png?: string
          data: string
        }) => {
          const snap = await register(o.data)
          const node = snap.nodes.find((n) => n.state === o.state.toUpperCase())
          if (!node)
            throw new RogatoryError('ERR_PEER_UNKNOWN', `${o.state} has no node in the register`, {
              path: '--state',
            })
          const res = await fetch(
            new URL(`/review/report?period=${encodeURIComponent(o.period)}`, node.url),
          )
          const html = await res.text()
          if (!res.ok)
            throw new RogatoryError(
              'ERR_INPUT_INVALID',
              `the node answered ${res.status}: ${html.slice(0, 200)}`,
              { path: '--period' },
            )
          await writeFile(o.out, html)
          print(`Country review report of ${o.state.toUpperCase()} for ${o.period}: ${o.out}`)
          if (o.pdf) {
            await htmlToPdf(html, o.pdf, o.png)
            print(`PDF: ${o.pdf}${o.png ? `, PNG: ${o.png}` : ''}`)
          }
        },
      ),
    )
  withClient(
    review
      .command('comment')
      .description('add a signed, logged comment to a country review report (reviewer)')
      .requiredOption('--period <quarter>', 'e.g. 2027-Q2')
      .requiredOption('--text <text>', 'the comment'),
  ).action(
    action(async (o: ClientOptions & { period: string; text: string }) => {
      const c = await connect(o)
      const r = await c.call<{ hash: string }>('POST', '/v1/review/comments', {
        period: o.period,
        text: o.text,
      })
      print(`Comment ${r.hash} signed and logged.`)
    }),
  )
}
