// Original file: proto/diode/v1/ingester.proto

import type { Manufacturer as _diode_v1_Manufacturer, Manufacturer__Output as _diode_v1_Manufacturer__Output } from '../../diode/v1/Manufacturer.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface ModuleBayType {
  'name'?: (string);
  'slug'?: (string);
  'manufacturer'?: (_diode_v1_Manufacturer | null);
  'color'?: (string);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  '_manufacturer'?: "manufacturer";
  '_color'?: "color";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface ModuleBayType__Output {
  'name'?: (string);
  'slug'?: (string);
  'manufacturer'?: (_diode_v1_Manufacturer__Output);
  'color'?: (string);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  '_manufacturer'?: "manufacturer";
  '_color'?: "color";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
