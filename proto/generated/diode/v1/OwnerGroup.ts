// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface OwnerGroup {
  'name'?: (string);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  '_description'?: "description";
}

export interface OwnerGroup__Output {
  'name'?: (string);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  '_description'?: "description";
}
