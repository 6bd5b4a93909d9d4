/**
 * Statistics releases on every backend: mixed traffic through a real
 * federation, a signed release recomputed from the public log, and the
 * ways a release can lie — a changed figure, a figure the node itself
 * signed wrongly, a release replaced without saying so — each detected.
 */
import { describe, expect, it } from 'vitest'
import { driveTraffic } from '../../src/demo/traffic.js'
import { sha256Hex } from '../../src/envelope/canonical.js'
import { signStatement } from '../../src/envelope/registered-jws.js'
import { isRogatoryError } from '../../src/errors/rogatory-error.js'
import { httpReader, verifyLog } from '../../src/log/verify-remote.js'
import { signer } from '../../src/node/runtime.js'
import { commit } from '../../src/node/services/log-commitments.js'
import { quarterOf } from '../../src/review/events.js'
import { federationBody, readFederationLogs } from '../../src/review/federation-release.js'
import { RELEASE_TYP } from '../../src/review/release.js'
import { verifyRelease } from '../../src/review/verify-release.js'
import { BACKENDS } from '../support/backends.js'
import { PASSWORD, signInAs, useFederation } from '../support/federation.js'

for (const backend of BACKENDS) {
  describe(`statistics releases on ${backend.name}`, () => {
    const fed = useFederation(backend, ['XAR', 'XBO'])
    const period = quarterOf(new Date().toISOString())

    it('a release is recomputed from the log; tampering, lying and silent replacement are caught', async () => {
      const nodes = Object.fromEntries([...fed().nodes].map(([s, n]) => [s, n.url]))
      const traffic = await driveTraffic({ nodes, password: PASSWORD, requests: 24, seed: 7 })
      expect(traffic.failures).toEqual([])
      const xbo = fed().nodes.get('XBO')!
      const reviewer = await signInAs(fed(), 'XBO', 'reviewer')
      const published = await reviewer.call('POST', '/v1/statistics/releases', { period })
      expect(published.status).toBe(201)
      const { jws, hash } = published.body
      expect(
        ((await (await fetch(`${xbo.url}/v1/statistics/releases/${hash}`)).json()) as any).jws,
      ).toBe(jws)

      const readLog = () =>
        verifyLog(httpReader(`${xbo.url}/log/`), xbo.runtime.log.verifierKey, undefined, () => {}, {
          keepEntries: true,
        })
      const directory = xbo.runtime.snapshot.directory
      let log = await readLog()
      const check = await verifyRelease(jws, directory, {
        entries: log.entries!,
        rootAt: log.rootAt,
      })
      expect(check.latest).toBe(true)

      // The figures match the node's own records where they are large enough to publish.
      const received = await xbo.runtime.store.db
        .selectFrom('requests')
        .select(({ fn }) => fn.countAll().as('n'))
        .where('direction', '=', 'incoming')
        .executeTakeFirstOrThrow()
      const byType = check.body.tables.find((t) => t.id === 'requests-by-type')!
      const col = byType.cols.indexOf('received')
      if (byType.colTotals[col] !== null) expect(byType.colTotals[col]).toBe(Number(received.n))
      // No identifier appears in a release.
      expect(JSON.stringify(check.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)

      const code = async (p: Promise<unknown>) => {
        const e = await p.then(
          () => undefined,
          (x: unknown) => x,
        )
        return isRogatoryError(e) ? e.code : String(e)
      }
      // 1. A figure changed after signing.
      const [h, p, s] = jws.split('.')
      const body = JSON.parse(Buffer.from(p, 'base64url').toString())
      body.tables[0].total = (body.tables[0].total ?? 0) + 1
      const changed = [h, Buffer.from(JSON.stringify(body)).toString('base64url'), s].join('.')
      expect(
        await code(
          verifyRelease(changed, directory, { entries: log.entries!, rootAt: log.rootAt }),
        ),
      ).toBe('ERR_STATS_INVALID')
      // 2. The node itself signs a wrong figure: recomputation from the log catches it.
      const lie = await signStatement(RELEASE_TYP, body, signer(xbo.runtime))
      expect(
        await code(verifyRelease(lie, directory, { entries: log.entries!, rootAt: log.rootAt })),
      ).toBe('ERR_STATS_MISMATCH')
      // 3. A second, proper release supersedes the first, which is then reported as superseded.
      const second = await reviewer.call('POST', '/v1/statistics/releases', { period })
      expect(second.body.body.supersedes).toBe(hash)
      log = await readLog()
      expect(
        (await verifyRelease(jws, directory, { entries: log.entries!, rootAt: log.rootAt })).latest,
      ).toBe(false)
      // 4. A release slipped into the log without naming the one it replaces is caught.
      const sneaky = await signStatement(
        RELEASE_TYP,
        { ...second.body.body, supersedes: null },
        signer(xbo.runtime),
      )
      await xbo.runtime.store.db.transaction().execute((trx) =>
        commit(trx, {
          event: 'statistics-release',
          node: 'XBO',
          rid: `statistics:${period}`,
          at: new Date().toISOString(),
          period,
          rhash: sha256Hex(sneaky),
          size: second.body.body.log.size,
          supersedes: null,
        }),
      )
      await xbo.runtime.log.integrate()
      log = await readLog()
      expect(
        await code(verifyRelease(sneaky, directory, { entries: log.entries!, rootAt: log.rootAt })),
      ).toBe('ERR_STATS_INVALID')

      // 5. The Secretariat's federation release: one count per request and column, recomputable from every node's log.
      const fedRes = await fetch(
        `${fed().secretariat.url}/v1/statistics/federation?period=${period}`,
      )
      const federation = (await fedRes.json()) as any
      expect(federation.body.logs.map((l: { node: string }) => l.node).sort()).toEqual([
        'XAR',
        'XBO',
      ])
      const logs = await readFederationLogs((await fed().secretariat.current()).snapshot)
      const prefixes = federation.body.logs.map((l: any) => ({
        log: l,
        entries: logs.find((x) => x.log.node === l.node)!.entries,
      }))
      expect(
        JSON.parse(JSON.stringify(federationBody(prefixes, period, federation.body.issuedAt))),
      ).toEqual(federation.body)
      const types = federation.body.tables.find((t: { id: string }) => t.id === 'requests-by-type')
      const sentCol = types.cols.indexOf('sent')
      expect(types.colTotals[sentCol]).toBe(types.colTotals[types.cols.indexOf('received')])
    }, 120_000)
  })
}
