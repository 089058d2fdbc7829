// Original file: proto/diode/v1/reconciler.proto


export interface RetrieveDeviationByIDRequest {
  'id'?: (string);
}

export interface RetrieveDeviationByIDRequest__Output {
  'id'?: (string);
}
