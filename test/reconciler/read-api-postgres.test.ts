import { connectPostgres } from '../../store/index.ts'
import { createTestDatabase } from '../helpers/postgres.ts'
import { readApiSuite } from './read-api-suite.ts'

readApiSuite('postgres', async () => {
  const testDb = await createTestDatabase('readapi')
  const db = await connectPostgres({ url: testDb.url, max: 4 })
  return { db, cleanup: () => testDb.drop() }
})
