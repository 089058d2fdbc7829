import { definePipelineTests } from './pipeline-cases.ts'

definePipelineTests('pglite')
