// Original file: proto/diode/v1/reconciler.proto

import type { State as _diode_v1_State, State__Output as _diode_v1_State__Output } from '../../diode/v1/State.ts';
import type { Entity as _diode_v1_Entity, Entity__Output as _diode_v1_Entity__Output } from '../../diode/v1/Entity.ts';
import type { DeviationError as _diode_v1_DeviationError, DeviationError__Output as _diode_v1_DeviationError__Output } from '../../diode/v1/DeviationError.ts';
import type { ChangeSet as _diode_v1_ChangeSet, ChangeSet__Output as _diode_v1_ChangeSet__Output } from '../../diode/v1/ChangeSet.ts';
import type { Long } from '@grpc/proto-loader';

export interface IngestionLog {
  'id'?: (string);
  'data_type'?: (string);
  'state'?: (_diode_v1_State);
  'request_id'?: (string);
  'ingestion_ts'?: (number | string | Long);
  'producer_app_name'?: (string);
  'producer_app_version'?: (string);
  'sdk_name'?: (string);
  'sdk_version'?: (string);
  'entity'?: (_diode_v1_Entity | null);
  'error'?: (_diode_v1_DeviationError | null);
  'change_set'?: (_diode_v1_ChangeSet | null);
  'object_type'?: (string);
  'source_ts'?: (number | string | Long);
}

export interface IngestionLog__Output {
  'id'?: (string);
  'data_type'?: (string);
  'state'?: (_diode_v1_State__Output);
  'request_id'?: (string);
  'ingestion_ts'?: (number);
  'producer_app_name'?: (string);
  'producer_app_version'?: (string);
  'sdk_name'?: (string);
  'sdk_version'?: (string);
  'entity'?: (_diode_v1_Entity__Output);
  'error'?: (_diode_v1_DeviationError__Output);
  'change_set'?: (_diode_v1_ChangeSet__Output);
  'object_type'?: (string);
  'source_ts'?: (number);
}
