import { openPglite } from '../../store/index.ts'
import { readApiSuite } from './read-api-suite.ts'

// PGlite runs the SQL-dependent half; the PostgreSQL file runs everything.
readApiSuite('pglite', async () => ({ db: await openPglite(), cleanup: async () => {} }), { sqlOnly: true })
