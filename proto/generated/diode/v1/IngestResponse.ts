// Original file: proto/diode/v1/ingester.proto


export interface IngestResponse {
  'errors'?: (string)[];
}

export interface IngestResponse__Output {
  'errors'?: (string)[];
}
