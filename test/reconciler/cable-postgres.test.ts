import { defineCableTests } from './cable-cases.ts'

defineCableTests('postgres')
