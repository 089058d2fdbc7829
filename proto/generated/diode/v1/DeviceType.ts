// Original file: proto/diode/v1/ingester.proto

import type { Manufacturer as _diode_v1_Manufacturer, Manufacturer__Output as _diode_v1_Manufacturer__Output } from '../../diode/v1/Manufacturer.ts';
import type { Platform as _diode_v1_Platform, Platform__Output as _diode_v1_Platform__Output } from '../../diode/v1/Platform.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';

export interface DeviceType {
  'manufacturer'?: (_diode_v1_Manufacturer | null);
  'default_platform'?: (_diode_v1_Platform | null);
  'model'?: (string);
  'slug'?: (string);
  'part_number'?: (string);
  'u_height'?: (number | string);
  'exclude_from_utilization'?: (boolean);
  'is_full_depth'?: (boolean);
  'subdevice_role'?: (string);
  'airflow'?: (string);
  'weight'?: (number | string);
  'weight_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'cooling_method'?: (string);
  'end_of_life'?: (_google_protobuf_Timestamp | null);
  '_default_platform'?: "default_platform";
  '_part_number'?: "part_number";
  '_u_height'?: "u_height";
  '_exclude_from_utilization'?: "exclude_from_utilization";
  '_is_full_depth'?: "is_full_depth";
  '_subdevice_role'?: "subdevice_role";
  '_airflow'?: "airflow";
  '_weight'?: "weight";
  '_weight_unit'?: "weight_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
  '_cooling_method'?: "cooling_method";
  '_end_of_life'?: "end_of_life";
}

export interface DeviceType__Output {
  'manufacturer'?: (_diode_v1_Manufacturer__Output);
  'default_platform'?: (_diode_v1_Platform__Output);
  'model'?: (string);
  'slug'?: (string);
  'part_number'?: (string);
  'u_height'?: (number);
  'exclude_from_utilization'?: (boolean);
  'is_full_depth'?: (boolean);
  'subdevice_role'?: (string);
  'airflow'?: (string);
  'weight'?: (number);
  'weight_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'cooling_method'?: (string);
  'end_of_life'?: (_google_protobuf_Timestamp__Output);
  '_default_platform'?: "default_platform";
  '_part_number'?: "part_number";
  '_u_height'?: "u_height";
  '_exclude_from_utilization'?: "exclude_from_utilization";
  '_is_full_depth'?: "is_full_depth";
  '_subdevice_role'?: "subdevice_role";
  '_airflow'?: "airflow";
  '_weight'?: "weight";
  '_weight_unit'?: "weight_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
  '_cooling_method'?: "cooling_method";
  '_end_of_life'?: "end_of_life";
}
