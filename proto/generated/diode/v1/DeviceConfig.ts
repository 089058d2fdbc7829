// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface DeviceConfig {
  'startup'?: (Buffer | Uint8Array | string);
  'running'?: (Buffer | Uint8Array | string);
  'candidate'?: (Buffer | Uint8Array | string);
  'metadata'?: (_google_protobuf_Struct | null);
}

export interface DeviceConfig__Output {
  'startup'?: (Buffer);
  'running'?: (Buffer);
  'candidate'?: (Buffer);
  'metadata'?: (_google_protobuf_Struct__Output);
}
