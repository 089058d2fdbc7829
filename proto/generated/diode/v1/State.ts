// Original file: proto/diode/v1/reconciler.proto

export const State = {
  STATE_UNSPECIFIED: 'STATE_UNSPECIFIED',
  QUEUED: 'QUEUED',
  OPEN: 'OPEN',
  APPLIED: 'APPLIED',
  FAILED: 'FAILED',
  NO_CHANGES: 'NO_CHANGES',
  IGNORED: 'IGNORED',
  ERRORED: 'ERRORED',
  APPLYING: 'APPLYING',
  PENDING_RETRY: 'PENDING_RETRY',
} as const;

export type State =
  | 'STATE_UNSPECIFIED'
  | 0
  | 'QUEUED'
  | 1
  | 'OPEN'
  | 2
  | 'APPLIED'
  | 3
  | 'FAILED'
  | 4
  | 'NO_CHANGES'
  | 5
  | 'IGNORED'
  | 6
  | 'ERRORED'
  | 7
  | 'APPLYING'
  | 8
  | 'PENDING_RETRY'
  | 9

export type State__Output = typeof State[keyof typeof State]
