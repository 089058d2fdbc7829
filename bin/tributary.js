#!/usr/bin/env node
// The project ships TypeScript sources and runs them through tsx's loader, so a clone works
// with `npm install` alone: no build step to forget.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../cli/index.ts')
process.exitCode = await main(process.argv.slice(2))
