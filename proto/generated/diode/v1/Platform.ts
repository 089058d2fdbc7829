// Original file: proto/diode/v1/ingester.proto

import type { Manufacturer as _diode_v1_Manufacturer, Manufacturer__Output as _diode_v1_Manufacturer__Output } from '../../diode/v1/Manufacturer.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Platform as _diode_v1_Platform, Platform__Output as _diode_v1_Platform__Output } from '../../diode/v1/Platform.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Platform {
  'name'?: (string);
  'slug'?: (string);
  'manufacturer'?: (_diode_v1_Manufacturer | null);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'parent'?: (_diode_v1_Platform | null);
  'comments'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_manufacturer'?: "manufacturer";
  '_description'?: "description";
  '_parent'?: "parent";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface Platform__Output {
  'name'?: (string);
  'slug'?: (string);
  'manufacturer'?: (_diode_v1_Manufacturer__Output);
  'description'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'parent'?: (_diode_v1_Platform__Output);
  'comments'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_manufacturer'?: "manufacturer";
  '_description'?: "description";
  '_parent'?: "parent";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
