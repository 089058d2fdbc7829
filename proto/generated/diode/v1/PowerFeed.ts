// Original file: proto/diode/v1/ingester.proto

import type { PowerPanel as _diode_v1_PowerPanel, PowerPanel__Output as _diode_v1_PowerPanel__Output } from '../../diode/v1/PowerPanel.ts';
import type { Rack as _diode_v1_Rack, Rack__Output as _diode_v1_Rack__Output } from '../../diode/v1/Rack.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface PowerFeed {
  'power_panel'?: (_diode_v1_PowerPanel | null);
  'rack'?: (_diode_v1_Rack | null);
  'name'?: (string);
  'status'?: (string);
  'type'?: (string);
  'supply'?: (string);
  'phase'?: (string);
  'voltage'?: (number | string | Long);
  'amperage'?: (number | string | Long);
  'max_utilization'?: (number | string | Long);
  'mark_connected'?: (boolean);
  'description'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_rack'?: "rack";
  '_status'?: "status";
  '_type'?: "type";
  '_supply'?: "supply";
  '_phase'?: "phase";
  '_voltage'?: "voltage";
  '_amperage'?: "amperage";
  '_max_utilization'?: "max_utilization";
  '_mark_connected'?: "mark_connected";
  '_description'?: "description";
  '_tenant'?: "tenant";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface PowerFeed__Output {
  'power_panel'?: (_diode_v1_PowerPanel__Output);
  'rack'?: (_diode_v1_Rack__Output);
  'name'?: (string);
  'status'?: (string);
  'type'?: (string);
  'supply'?: (string);
  'phase'?: (string);
  'voltage'?: (number);
  'amperage'?: (number);
  'max_utilization'?: (number);
  'mark_connected'?: (boolean);
  'description'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_rack'?: "rack";
  '_status'?: "status";
  '_type'?: "type";
  '_supply'?: "supply";
  '_phase'?: "phase";
  '_voltage'?: "voltage";
  '_amperage'?: "amperage";
  '_max_utilization'?: "max_utilization";
  '_mark_connected'?: "mark_connected";
  '_description'?: "description";
  '_tenant'?: "tenant";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
