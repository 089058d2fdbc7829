// Original file: proto/diode/v1/reconciler.proto

import type { State as _diode_v1_State, State__Output as _diode_v1_State__Output } from '../../diode/v1/State.ts';
import type { Long } from '@grpc/proto-loader';

export interface RetrieveIngestionLogsRequest {
  'page_size'?: (number);
  'state'?: (_diode_v1_State);
  'data_type'?: (string);
  'request_id'?: (string);
  'ingestion_ts_start'?: (number | string | Long);
  'ingestion_ts_end'?: (number | string | Long);
  'page_token'?: (string);
  'only_metrics'?: (boolean);
  'object_type'?: (string);
  '_page_size'?: "page_size";
  '_state'?: "state";
}

export interface RetrieveIngestionLogsRequest__Output {
  'page_size'?: (number);
  'state'?: (_diode_v1_State__Output);
  'data_type'?: (string);
  'request_id'?: (string);
  'ingestion_ts_start'?: (number);
  'ingestion_ts_end'?: (number);
  'page_token'?: (string);
  'only_metrics'?: (boolean);
  'object_type'?: (string);
  '_page_size'?: "page_size";
  '_state'?: "state";
}
