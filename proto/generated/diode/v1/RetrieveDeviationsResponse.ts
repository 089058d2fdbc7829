// Original file: proto/diode/v1/reconciler.proto

import type { Deviation as _diode_v1_Deviation, Deviation__Output as _diode_v1_Deviation__Output } from '../../diode/v1/Deviation.ts';

export interface RetrieveDeviationsResponse {
  'deviations'?: (_diode_v1_Deviation)[];
  'next_page_token'?: (string);
}

export interface RetrieveDeviationsResponse__Output {
  'deviations'?: (_diode_v1_Deviation__Output)[];
  'next_page_token'?: (string);
}
