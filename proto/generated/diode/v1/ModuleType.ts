// Original file: proto/diode/v1/ingester.proto

import type { Manufacturer as _diode_v1_Manufacturer, Manufacturer__Output as _diode_v1_Manufacturer__Output } from '../../diode/v1/Manufacturer.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { ModuleTypeProfile as _diode_v1_ModuleTypeProfile, ModuleTypeProfile__Output as _diode_v1_ModuleTypeProfile__Output } from '../../diode/v1/ModuleTypeProfile.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';
import type { ModuleBayType as _diode_v1_ModuleBayType, ModuleBayType__Output as _diode_v1_ModuleBayType__Output } from '../../diode/v1/ModuleBayType.ts';

export interface ModuleType {
  'manufacturer'?: (_diode_v1_Manufacturer | null);
  'model'?: (string);
  'part_number'?: (string);
  'airflow'?: (string);
  'weight'?: (number | string);
  'weight_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'profile'?: (_diode_v1_ModuleTypeProfile | null);
  'attributes'?: (string);
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'cooling_method'?: (string);
  'end_of_life'?: (_google_protobuf_Timestamp | null);
  'module_bay_types'?: (_diode_v1_ModuleBayType)[];
  '_part_number'?: "part_number";
  '_airflow'?: "airflow";
  '_weight'?: "weight";
  '_weight_unit'?: "weight_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_profile'?: "profile";
  '_attributes'?: "attributes";
  '_owner'?: "owner";
  '_cooling_method'?: "cooling_method";
  '_end_of_life'?: "end_of_life";
}

export interface ModuleType__Output {
  'manufacturer'?: (_diode_v1_Manufacturer__Output);
  'model'?: (string);
  'part_number'?: (string);
  'airflow'?: (string);
  'weight'?: (number);
  'weight_unit'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'profile'?: (_diode_v1_ModuleTypeProfile__Output);
  'attributes'?: (string);
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'cooling_method'?: (string);
  'end_of_life'?: (_google_protobuf_Timestamp__Output);
  'module_bay_types'?: (_diode_v1_ModuleBayType__Output)[];
  '_part_number'?: "part_number";
  '_airflow'?: "airflow";
  '_weight'?: "weight";
  '_weight_unit'?: "weight_unit";
  '_description'?: "description";
  '_comments'?: "comments";
  '_profile'?: "profile";
  '_attributes'?: "attributes";
  '_owner'?: "owner";
  '_cooling_method'?: "cooling_method";
  '_end_of_life'?: "end_of_life";
}
