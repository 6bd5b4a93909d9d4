import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, type Store } from '../../src/store/store.js'
import { BACKENDS } from '../support/backends.js'

const row = (id: string, version = 0) => ({
  id,
  direction: 'outgoing' as const,
  from_state: 'XAR',
  to_state: 'XBO',
  type: 'mla',
  state: 'draft',
  profile: 'adopted-2024',
  body: JSON.stringify({ request: { a: 1 }, note: 'Arcadia – “quoted” ünïcode' }),
  screening: JSON.stringify({ outcome: 'no-listed-ground' }),
  created_by: 'ada',
  created_at: '2027-06-01T00:00:00.000Z',
  updated_at: '2027-06-01T00:00:00.000Z',
  response_due: null,
  version,
})

for (const backend of BACKENDS) {
  describe(`store on ${backend.name}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await backend.open()
    }, 60_000)
    afterAll(async () => {
      await store.close()
      await backend.cleanup()
    })

    it('migrates idempotently', async () => {
      await migrate(store.db)
      const tables = await store.db.introspection.getTables()
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'requests',
          'outbox',
          'inbox',
          'transitions',
          'attachments',
          'node_keys',
          'users',
          'snapshots',
        ]),
      )
    })

    it('round-trips JSON and large integers', async () => {
      await store.db.insertInto('requests').values(row('r1')).execute()
      const r = await store.db
        .selectFrom('requests')
        .selectAll()
        .where('id', '=', 'r1')
        .executeTakeFirstOrThrow()
      const body = typeof r.body === 'string' ? JSON.parse(r.body) : r.body
      expect(body.note).toBe('Arcadia – “quoted” ünïcode')
      await store.db
        .insertInto('attachments')
        .values({
          id: 'a1',
          request_id: 'r1',
          name: 'x',
          media_type: 'x',
          size: 3 * 1024 ** 3,
          sha256: 'f'.repeat(64),
          path: '/x',
          created_at: 'now',
        })
        .execute()
      const a = await store.db
        .selectFrom('attachments')
        .select('size')
        .where('id', '=', 'a1')
        .executeTakeFirstOrThrow()
      expect(Number(a.size)).toBe(3 * 1024 ** 3)
    })

    it('reports affected rows, so optimistic version checks work', async () => {
      await store.db.insertInto('requests').values(row('r2', 4)).execute()
      const stale = await store.db
        .updateTable('requests')
        .set({ state: 'approved', version: 5 })
        .where('id', '=', 'r2')
        .where('version', '=', 3)
        .executeTakeFirst()
      expect(Number(stale.numUpdatedRows)).toBe(0)
      const ok = await store.db
        .updateTable('requests')
        .set({ state: 'approved', version: 5 })
        .where('id', '=', 'r2')
        .where('version', '=', 4)
        .executeTakeFirst()
      expect(Number(ok.numUpdatedRows)).toBe(1)
    })

    it('rolls a failed transaction back whole: nothing half-written', async () => {
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto('requests').values(row('r3')).execute()
          await trx.insertInto('requests').values(row('r3')).execute()
        }),
      ).rejects.toThrow()
      expect(
        await store.db.selectFrom('requests').select('id').where('id', '=', 'r3').execute(),
      ).toEqual([])
    })

    it('keeps concurrent transactions apart', async () => {
      await store.db.insertInto('requests').values(row('r4')).execute()
      const bump = () =>
        store.db.transaction().execute(async (trx) => {
          const r = await trx
            .selectFrom('requests')
            .select('version')
            .where('id', '=', 'r4')
            .forUpdate()
            .executeTakeFirstOrThrow()
          await new Promise((res) => setTimeout(res, 5))
          await trx
            .updateTable('requests')
            .set({ version: r.version + 1 })
            .where('id', '=', 'r4')
            .execute()
        })
      await Promise.all(Array.from({ length: 10 }, bump))
      const r = await store.db
        .selectFrom('requests')
        .select('version')
        .where('id', '=', 'r4')
        .executeTakeFirstOrThrow()
      expect(r.version).toBe(10)
    })

    it('enforces the message-id key of the inbox (replay protection at rest)', async () => {
      const msg = {
        message_id: 'm1',
        sender: 'XAR',
        request_id: 'r1',
        kind: 'request',
        message_hash: 'h',
        payload: '{}',
        receipt: 'r',
        received_at: 'now',
      }
      await store.db.insertInto('inbox').values(msg).execute()
      await expect(store.db.insertInto('inbox').values(msg).execute()).rejects.toThrow()
    })
  })
}
