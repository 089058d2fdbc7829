// Original file: proto/diode/v1/reconciler.proto

import type { Deviation as _diode_v1_Deviation, Deviation__Output as _diode_v1_Deviation__Output } from '../../diode/v1/Deviation.ts';

export interface RetrieveDeviationByIDResponse {
  'deviation'?: (_diode_v1_Deviation | null);
}

export interface RetrieveDeviationByIDResponse__Output {
  'deviation'?: (_diode_v1_Deviation__Output);
}
