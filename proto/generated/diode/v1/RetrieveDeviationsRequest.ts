// Original file: proto/diode/v1/reconciler.proto

import type { State as _diode_v1_State, State__Output as _diode_v1_State__Output } from '../../diode/v1/State.ts';
import type { Long } from '@grpc/proto-loader';

export interface RetrieveDeviationsRequest {
  'page_size'?: (number);
  'page_token'?: (string);
  'ingestion_ts_start'?: (number | string | Long);
  'ingestion_ts_end'?: (number | string | Long);
  'state'?: (_diode_v1_State)[];
  'object_type'?: (string)[];
  'branch_id'?: (string)[];
  '_page_size'?: "page_size";
}

export interface RetrieveDeviationsRequest__Output {
  'page_size'?: (number);
  'page_token'?: (string);
  'ingestion_ts_start'?: (number);
  'ingestion_ts_end'?: (number);
  'state'?: (_diode_v1_State__Output)[];
  'object_type'?: (string)[];
  'branch_id'?: (string)[];
  '_page_size'?: "page_size";
}
