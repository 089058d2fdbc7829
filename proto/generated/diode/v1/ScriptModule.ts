// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface ScriptModule {
  'file'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
}

export interface ScriptModule__Output {
  'file'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
}
