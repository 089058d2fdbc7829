// Runs every test/**/*.test.ts file with node's test runner through tsx.
// Node 20's --test does not expand globs or pick up .ts files, hence this small launcher.
// Usage: node scripts/run-tests.js [path-filter...]
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
function walk (dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.ts') ? [p] : []
  })
}
const filters = process.argv.slice(2)
const files = walk(join(root, 'test')).map((p) => relative(root, p)).sort()
  .filter((p) => filters.length === 0 || filters.some((f) => p.includes(f)))
if (files.length === 0) {
  console.error('no test files matched')
  process.exit(1)
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2'
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit', cwd: root })
process.exit(r.status ?? 1)
