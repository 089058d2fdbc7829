// Original file: proto/diode/v1/reconciler.proto


export interface Change {
  'id'?: (string);
  'object_type'?: (string);
  'object_primary_value'?: (string);
  'change_type'?: (string);
  'before'?: (Buffer | Uint8Array | string);
  'after'?: (Buffer | Uint8Array | string);
}

export interface Change__Output {
  'id'?: (string);
  'object_type'?: (string);
  'object_primary_value'?: (string);
  'change_type'?: (string);
  'before'?: (Buffer);
  'after'?: (Buffer);
}
