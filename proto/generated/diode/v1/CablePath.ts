// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface CablePath {
  'is_active'?: (boolean);
  'is_complete'?: (boolean);
  'is_split'?: (boolean);
  'metadata'?: (_google_protobuf_Struct | null);
  '_is_active'?: "is_active";
  '_is_complete'?: "is_complete";
  '_is_split'?: "is_split";
}

export interface CablePath__Output {
  'is_active'?: (boolean);
  'is_complete'?: (boolean);
  'is_split'?: (boolean);
  'metadata'?: (_google_protobuf_Struct__Output);
  '_is_active'?: "is_active";
  '_is_complete'?: "is_complete";
  '_is_split'?: "is_split";
}
