// Original file: proto/diode/v1/ingester.proto

import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from '../../diode/v1/Location.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';

export interface CoolingSource {
  'site'?: (_diode_v1_Site | null);
  'location'?: (_diode_v1_Location | null);
  'name'?: (string);
  'type'?: (string);
  'status'?: (string);
  'fluid_type'?: (string);
  'cooling_capacity'?: (number | string);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner | null);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  '_location'?: "location";
  '_status'?: "status";
  '_fluid_type'?: "fluid_type";
  '_cooling_capacity'?: "cooling_capacity";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}

export interface CoolingSource__Output {
  'site'?: (_diode_v1_Site__Output);
  'location'?: (_diode_v1_Location__Output);
  'name'?: (string);
  'type'?: (string);
  'status'?: (string);
  'fluid_type'?: (string);
  'cooling_capacity'?: (number);
  'description'?: (string);
  'owner'?: (_diode_v1_Owner__Output);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  '_location'?: "location";
  '_status'?: "status";
  '_fluid_type'?: "fluid_type";
  '_cooling_capacity'?: "cooling_capacity";
  '_description'?: "description";
  '_owner'?: "owner";
  '_comments'?: "comments";
}
