export { createLogger, silentLogger, REDACT_PATHS, SECRET_KEYS } from './logger.ts'
export { loadServerConfig, serverFlagOptions, serverSettingsHelp, envName, SERVER_SETTINGS, ConfigError } from './server-config.ts'
export type { Logger, LoggerOptions } from './logger.ts'
export type { ServerConfig, LoadServerConfigInput } from './server-config.ts'
