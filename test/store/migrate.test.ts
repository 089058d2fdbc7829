import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectPostgres, openPglite, migrate, listMigrations, type Db } from '../../store/index.ts'
import { createTestDatabase } from '../helpers/postgres.ts'

function fixtureMigrations () {
  const dir = mkdtempSync(join(tmpdir(), 'trib-mig-')) + '/'
  writeFileSync(dir + '0001-a.sql', 'create table a (id int primary key); insert into a values (1);')
  writeFileSync(dir + '0002-b.sql', 'create table b (id int references a(id));')
  writeFileSync(dir + 'README.txt', 'not a migration')
  return listMigrations(dir)
}

async function checkMigrate (db: Db) {
  const migrations = fixtureMigrations()
  assert.deepEqual(migrations.map((m) => m.version), ['0001-a', '0002-b'])
  assert.deepEqual(await migrate(db, migrations), ['0001-a', '0002-b'])
  assert.deepEqual(await migrate(db, migrations), [], 'second run applies nothing')
  const r = await db.query<{ n: number }>('select count(*)::int as n from a')
  assert.equal(r.rows[0].n, 1)
}

test('store - migrations apply once on PostgreSQL, also with two processes racing', async () => {
  const tdb = await createTestDatabase('mig')
  const a = await connectPostgres({ url: tdb.url })
  const b = await connectPostgres({ url: tdb.url })
  try {
    const migrations = fixtureMigrations()
    const [ra, rb] = await Promise.all([migrate(a, migrations), migrate(b, migrations)])
    assert.equal(ra.length + rb.length, 2, 'each migration applied by exactly one process')
    assert.deepEqual(await migrate(a, migrations), [], 'nothing left to apply')
    const r = await a.query<{ n: number }>('select count(*)::int as n from a')
    assert.equal(r.rows[0].n, 1, 'the insert in 0001 ran once')
  } finally {
    await a.close(); await b.close(); await tdb.drop()
  }
})

test('store - migrations apply once on PGlite and a failed migration names its version', async () => {
  const db = await openPglite()
  try {
    await checkMigrate(db)
    const dir = mkdtempSync(join(tmpdir(), 'trib-mig-')) + '/'
    writeFileSync(dir + '0003-bad.sql', 'create tabel oops (id int);')
    await assert.rejects(migrate(db, listMigrations(dir)), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'ERR_STORE_MIGRATION')
      assert.match(e.message, /0003-bad/)
      return true
    })
  } finally {
    await db.close()
  }
})

test('store - connecting to a closed port fails with the address and without the password', async () => {
  await assert.rejects(connectPostgres({ url: 'postgres://u:hunter2@127.0.0.1:1/x', connectTimeout: 2000 }), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'ERR_STORE_CONNECT')
    assert.match(e.message, /127\.0\.0\.1:1/)
    assert.doesNotMatch(e.message, /hunter2/)
    return true
  })
})
