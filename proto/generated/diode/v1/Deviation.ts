// Original file: proto/diode/v1/reconciler.proto

import type { State as _diode_v1_State, State__Output as _diode_v1_State__Output } from '../../diode/v1/State.ts';
import type { Entity as _diode_v1_Entity, Entity__Output as _diode_v1_Entity__Output } from '../../diode/v1/Entity.ts';
import type { DeviationError as _diode_v1_DeviationError, DeviationError__Output as _diode_v1_DeviationError__Output } from '../../diode/v1/DeviationError.ts';
import type { Change as _diode_v1_Change, Change__Output as _diode_v1_Change__Output } from '../../diode/v1/Change.ts';
import type { Long } from '@grpc/proto-loader';

export interface Deviation {
  'id'?: (string);
  'ingestion_ts'?: (number | string | Long);
  'last_update_ts'?: (number | string | Long);
  'name'?: (string);
  'source'?: (string);
  'state'?: (_diode_v1_State);
  'object_type'?: (string);
  'branch_id'?: (string);
  'ingested_entity'?: (_diode_v1_Entity | null);
  'error'?: (_diode_v1_DeviationError | null);
  'changes'?: (_diode_v1_Change)[];
  'source_ts'?: (number | string | Long);
  '_branch_id'?: "branch_id";
}

export interface Deviation__Output {
  'id'?: (string);
  'ingestion_ts'?: (number);
  'last_update_ts'?: (number);
  'name'?: (string);
  'source'?: (string);
  'state'?: (_diode_v1_State__Output);
  'object_type'?: (string);
  'branch_id'?: (string);
  'ingested_entity'?: (_diode_v1_Entity__Output);
  'error'?: (_diode_v1_DeviationError__Output);
  'changes'?: (_diode_v1_Change__Output)[];
  'source_ts'?: (number);
  '_branch_id'?: "branch_id";
}
