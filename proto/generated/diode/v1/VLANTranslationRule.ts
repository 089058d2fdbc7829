// Original file: proto/diode/v1/ingester.proto

import type { VLANTranslationPolicy as _diode_v1_VLANTranslationPolicy, VLANTranslationPolicy__Output as _diode_v1_VLANTranslationPolicy__Output } from '../../diode/v1/VLANTranslationPolicy.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Long } from '@grpc/proto-loader';

export interface VLANTranslationRule {
  'policy'?: (_diode_v1_VLANTranslationPolicy | null);
  'local_vid'?: (number | string | Long);
  'remote_vid'?: (number | string | Long);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  '_description'?: "description";
}

export interface VLANTranslationRule__Output {
  'policy'?: (_diode_v1_VLANTranslationPolicy__Output);
  'local_vid'?: (number);
  'remote_vid'?: (number);
  'description'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  '_description'?: "description";
}
