// Original file: proto/diode/v1/ingester.proto

import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { VLANGroup as _diode_v1_VLANGroup, VLANGroup__Output as _diode_v1_VLANGroup__Output } from '../../diode/v1/VLANGroup.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from '../../diode/v1/Tenant.ts';
import type { Role as _diode_v1_Role, Role__Output as _diode_v1_Role__Output } from '../../diode/v1/Role.ts';
import type { VLAN as _diode_v1_VLAN, VLAN__Output as _diode_v1_VLAN__Output } from '../../diode/v1/VLAN.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Long } from '@grpc/proto-loader';

export interface VLAN {
  'site'?: (_diode_v1_Site | null);
  'group'?: (_diode_v1_VLANGroup | null);
  'vid'?: (number | string | Long);
  'name'?: (string);
  'tenant'?: (_diode_v1_Tenant | null);
  'status'?: (string);
  'role'?: (_diode_v1_Role | null);
  'description'?: (string);
  'qinq_role'?: (string);
  'qinq_svlan'?: (_diode_v1_VLAN | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_site'?: "site";
  '_group'?: "group";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_role'?: "role";
  '_description'?: "description";
  '_qinq_role'?: "qinq_role";
  '_qinq_svlan'?: "qinq_svlan";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface VLAN__Output {
  'site'?: (_diode_v1_Site__Output);
  'group'?: (_diode_v1_VLANGroup__Output);
  'vid'?: (number);
  'name'?: (string);
  'tenant'?: (_diode_v1_Tenant__Output);
  'status'?: (string);
  'role'?: (_diode_v1_Role__Output);
  'description'?: (string);
  'qinq_role'?: (string);
  'qinq_svlan'?: (_diode_v1_VLAN__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_site'?: "site";
  '_group'?: "group";
  '_tenant'?: "tenant";
  '_status'?: "status";
  '_role'?: "role";
  '_description'?: "description";
  '_qinq_role'?: "qinq_role";
  '_qinq_svlan'?: "qinq_svlan";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
