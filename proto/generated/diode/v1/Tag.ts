// Original file: proto/diode/v1/ingester.proto

import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Long } from '@grpc/proto-loader';

export interface Tag {
  'name'?: (string);
  'slug'?: (string);
  'color'?: (string);
  'description'?: (string);
  'weight'?: (number | string | Long);
  'object_types'?: (string)[];
  'metadata'?: (_google_protobuf_Struct | null);
  '_color'?: "color";
  '_description'?: "description";
  '_weight'?: "weight";
}

export interface Tag__Output {
  'name'?: (string);
  'slug'?: (string);
  'color'?: (string);
  'description'?: (string);
  'weight'?: (number);
  'object_types'?: (string)[];
  'metadata'?: (_google_protobuf_Struct__Output);
  '_color'?: "color";
  '_description'?: "description";
  '_weight'?: "weight";
}
