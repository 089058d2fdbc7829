// Original file: proto/diode/v1/ingester.proto

import type { Entity as _diode_v1_Entity, Entity__Output as _diode_v1_Entity__Output } from '../../diode/v1/Entity.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface IngestRequest {
  'stream'?: (string);
  'entities'?: (_diode_v1_Entity)[];
  'id'?: (string);
  'producer_app_name'?: (string);
  'producer_app_version'?: (string);
  'sdk_name'?: (string);
  'sdk_version'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
}

export interface IngestRequest__Output {
  'stream'?: (string);
  'entities'?: (_diode_v1_Entity__Output)[];
  'id'?: (string);
  'producer_app_name'?: (string);
  'producer_app_version'?: (string);
  'sdk_name'?: (string);
  'sdk_version'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
}
