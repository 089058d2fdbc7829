// Original file: proto/diode/v1/reconciler.proto


export interface IngestionMetrics {
  'total'?: (number);
  'queued'?: (number);
  'reconciled'?: (number);
  'failed'?: (number);
  'no_changes'?: (number);
}

export interface IngestionMetrics__Output {
  'total'?: (number);
  'queued'?: (number);
  'reconciled'?: (number);
  'failed'?: (number);
  'no_changes'?: (number);
}
