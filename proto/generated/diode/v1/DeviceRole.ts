// Original file: proto/diode/v1/ingester.proto

import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { DeviceRole as _diode_v1_DeviceRole, DeviceRole__Output as _diode_v1_DeviceRole__Output } from '../../diode/v1/DeviceRole.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface DeviceRole {
  'name'?: (string);
  'slug'?: (string);
  'color'?: (string);
  'vm_role'?: (boolean);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'parent'?: (_diode_v1_DeviceRole | null);
  'comments'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_color'?: "color";
  '_vm_role'?: "vm_role";
  '_description'?: "description";
  '_parent'?: "parent";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface DeviceRole__Output {
  'name'?: (string);
  'slug'?: (string);
  'color'?: (string);
  'vm_role'?: (boolean);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'parent'?: (_diode_v1_DeviceRole__Output);
  'comments'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_color'?: "color";
  '_vm_role'?: "vm_role";
  '_description'?: "description";
  '_parent'?: "parent";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
