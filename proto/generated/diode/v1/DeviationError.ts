// Original file: proto/diode/v1/reconciler.proto


export interface DeviationError {
  'message'?: (string);
  'code'?: (string);
  'details'?: (Buffer | Uint8Array | string);
}

export interface DeviationError__Output {
  'message'?: (string);
  'code'?: (string);
  'details'?: (Buffer);
}
