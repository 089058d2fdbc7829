// Original file: proto/diode/v1/ingester.proto

import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from '../../diode/v1/Location.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface PowerPanel {
  'site'?: (_diode_v1_Site | null);
  'location'?: (_diode_v1_Location | null);
  'name'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  '_location'?: "location";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}

export interface PowerPanel__Output {
  'site'?: (_diode_v1_Site__Output);
  'location'?: (_diode_v1_Location__Output);
  'name'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  '_location'?: "location";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
}
