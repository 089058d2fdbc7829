// Original file: proto/diode/v1/reconciler.proto

import type { IngestionLog as _diode_v1_IngestionLog, IngestionLog__Output as _diode_v1_IngestionLog__Output } from '../../diode/v1/IngestionLog.ts';
import type { IngestionMetrics as _diode_v1_IngestionMetrics, IngestionMetrics__Output as _diode_v1_IngestionMetrics__Output } from '../../diode/v1/IngestionMetrics.ts';

export interface RetrieveIngestionLogsResponse {
  'logs'?: (_diode_v1_IngestionLog)[];
  'metrics'?: (_diode_v1_IngestionMetrics | null);
  'next_page_token'?: (string);
}

export interface RetrieveIngestionLogsResponse__Output {
  'logs'?: (_diode_v1_IngestionLog__Output)[];
  'metrics'?: (_diode_v1_IngestionMetrics__Output);
  'next_page_token'?: (string);
}
