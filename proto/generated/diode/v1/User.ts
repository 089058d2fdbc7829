// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface User {
  'username'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
}

export interface User__Output {
  'username'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
}
