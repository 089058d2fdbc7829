export { createLogger, silentLogger, REDACT_PATHS, SECRET_KEYS } from './logger.ts'
export type { Logger, LoggerOptions } from './logger.ts'
