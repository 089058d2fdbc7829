// Original file: proto/diode/v1/reconciler.proto


export interface ChangeSet {
  'id'?: (string);
  'data'?: (Buffer | Uint8Array | string);
  'branch_id'?: (string);
  'deviation_name'?: (string);
  '_branch_id'?: "branch_id";
  '_deviation_name'?: "deviation_name";
}

export interface ChangeSet__Output {
  'id'?: (string);
  'data'?: (Buffer);
  'branch_id'?: (string);
  'deviation_name'?: (string);
  '_branch_id'?: "branch_id";
  '_deviation_name'?: "deviation_name";
}
