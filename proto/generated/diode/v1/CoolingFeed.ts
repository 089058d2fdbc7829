// Original file: proto/diode/v1/ingester.proto

import type { CoolingSource as _diode_v1_CoolingSource, CoolingSource__Output as _diode_v1_CoolingSource__Output } from '../../diode/v1/CoolingSource.ts';
import type { Rack as _diode_v1_Rack, Rack__Output as _diode_v1_Rack__Output } from '../../diode/v1/Rack.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface CoolingFeed {
  'cooling_source'?: (_diode_v1_CoolingSource | null);
  'rack'?: (_diode_v1_Rack | null);
  'name'?: (string);
  'status'?: (string);
  'cooling_capacity'?: (number | string);
  'max_flow'?: (number | string);
  'max_flow_unit'?: (string);
  'description'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  '_rack'?: "rack";
  '_status'?: "status";
  '_cooling_capacity'?: "cooling_capacity";
  '_max_flow'?: "max_flow";
  '_max_flow_unit'?: "max_flow_unit";
  '_description'?: "description";
  '_tenant'?: "tenant";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface CoolingFeed__Output {
  'cooling_source'?: (_diode_v1_CoolingSource__Output);
  'rack'?: (_diode_v1_Rack__Output);
  'name'?: (string);
  'status'?: (string);
  'cooling_capacity'?: (number);
  'max_flow'?: (number);
  'max_flow_unit'?: (string);
  'description'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  '_rack'?: "rack";
  '_status'?: "status";
  '_cooling_capacity'?: "cooling_capacity";
  '_max_flow'?: "max_flow";
  '_max_flow_unit'?: "max_flow_unit";
  '_description'?: "description";
  '_tenant'?: "tenant";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
