// Original file: proto/diode/v1/ingester.proto

import type { CustomFieldObjectReference as _diode_v1_CustomFieldObjectReference, CustomFieldObjectReference__Output as _diode_v1_CustomFieldObjectReference__Output } from '../../diode/v1/CustomFieldObjectReference.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';
import type { Long } from '@grpc/proto-loader';

export interface CustomFieldValue {
  'multiple_selection'?: (string)[];
  'multiple_objects'?: (_diode_v1_CustomFieldObjectReference)[];
  'text'?: (string);
  'long_text'?: (string);
  'integer'?: (number | string | Long);
  'decimal'?: (number | string);
  'boolean'?: (boolean);
  'date'?: (_google_protobuf_Timestamp | null);
  'datetime'?: (_google_protobuf_Timestamp | null);
  'url'?: (string);
  'json'?: (string);
  'selection'?: (string);
  'object'?: (_diode_v1_CustomFieldObjectReference | null);
  'value'?: "text"|"long_text"|"integer"|"decimal"|"boolean"|"date"|"datetime"|"url"|"json"|"selection"|"object";
}

export interface CustomFieldValue__Output {
  'multiple_selection'?: (string)[];
  'multiple_objects'?: (_diode_v1_CustomFieldObjectReference__Output)[];
  'text'?: (string);
  'long_text'?: (string);
  'integer'?: (number);
  'decimal'?: (number);
  'boolean'?: (boolean);
  'date'?: (_google_protobuf_Timestamp__Output);
  'datetime'?: (_google_protobuf_Timestamp__Output);
  'url'?: (string);
  'json'?: (string);
  'selection'?: (string);
  'object'?: (_diode_v1_CustomFieldObjectReference__Output);
  'value'?: "text"|"long_text"|"integer"|"decimal"|"boolean"|"date"|"datetime"|"url"|"json"|"selection"|"object";
}
