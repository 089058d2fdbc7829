// Original file: proto/diode/v1/ingester.proto

import type { Provider as _diode_v1_Provider, Provider__Output as _diode_v1_Provider__Output } from '../../diode/v1/Provider.ts';
import type { ProviderAccount as _diode_v1_ProviderAccount, ProviderAccount__Output as _diode_v1_ProviderAccount__Output } from '../../diode/v1/ProviderAccount.ts';
import type { CircuitType as _diode_v1_CircuitType, CircuitType__Output as _diode_v1_CircuitType__Output } from '../../diode/v1/CircuitType.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CircuitGroupAssignment as _diode_v1_CircuitGroupAssignment, CircuitGroupAssignment__Output as _diode_v1_CircuitGroupAssignment__Output } from '../../diode/v1/CircuitGroupAssignment.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface Circuit {
  'cid'?: (string);
  'provider'?: (_diode_v1_Provider | null);
  'provider_account'?: (_diode_v1_ProviderAccount | null);
  'type'?: (_diode_v1_CircuitType | null);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'install_date'?: (_google_protobuf_Timestamp | null);
  'termination_date'?: (_google_protobuf_Timestamp | null);
  'commit_rate'?: (number | string | Long);
  'description'?: (string);
  'distance'?: (number | string);
  'distance_unit'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'assignments'?: (_diode_v1_CircuitGroupAssignment)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_provider_account'?: "provider_account";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_install_date'?: "install_date";
  '_termination_date'?: "termination_date";
  '_commit_rate'?: "commit_rate";
  '_description'?: "description";
  '_distance'?: "distance";
  '_distance_unit'?: "distance_unit";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Circuit__Output {
  'cid'?: (string);
  'provider'?: (_diode_v1_Provider__Output);
  'provider_account'?: (_diode_v1_ProviderAccount__Output);
  'type'?: (_diode_v1_CircuitType__Output);
  'status'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'install_date'?: (_google_protobuf_Timestamp__Output);
  'termination_date'?: (_google_protobuf_Timestamp__Output);
  'commit_rate'?: (number);
  'description'?: (string);
  'distance'?: (number);
  'distance_unit'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'assignments'?: (_diode_v1_CircuitGroupAssignment__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_provider_account'?: "provider_account";
  '_status'?: "status";
  '_tenant'?: "tenant";
  '_install_date'?: "install_date";
  '_termination_date'?: "termination_date";
  '_commit_rate'?: "commit_rate";
  '_description'?: "description";
  '_distance'?: "distance";
  '_distance_unit'?: "distance_unit";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
