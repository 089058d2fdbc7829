import { openPglite } from '../../store/index.ts'
import { readApiSuite } from './read-api-suite.ts'

readApiSuite('pglite', async () => ({ db: await openPglite(), cleanup: async () => {} }))
