// Original file: proto/diode/v1/ingester.proto

import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from '../../diode/v1/Device.ts';
import type { ModuleBay as _diode_v1_ModuleBay, ModuleBay__Output as _diode_v1_ModuleBay__Output } from '../../diode/v1/ModuleBay.ts';
import type { ModuleType as _diode_v1_ModuleType, ModuleType__Output as _diode_v1_ModuleType__Output } from '../../diode/v1/ModuleType.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from '../../diode/v1/Owner.ts';

export interface Module {
  'device'?: (_diode_v1_Device | null);
  'module_bay'?: (_diode_v1_ModuleBay | null);
  'module_type'?: (_diode_v1_ModuleType | null);
  'status'?: (string);
  'serial'?: (string);
  'asset_tag'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'owner'?: (_diode_v1_Owner | null);
  'replicate_components'?: (boolean);
  'adopt_components'?: (boolean);
  '_status'?: "status";
  '_serial'?: "serial";
  '_asset_tag'?: "asset_tag";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
  '_replicate_components'?: "replicate_components";
  '_adopt_components'?: "adopt_components";
}

export interface Module__Output {
  'device'?: (_diode_v1_Device__Output);
  'module_bay'?: (_diode_v1_ModuleBay__Output);
  'module_type'?: (_diode_v1_ModuleType__Output);
  'status'?: (string);
  'serial'?: (string);
  'asset_tag'?: (string);
  'description'?: (string);
  'comments'?: (string);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'owner'?: (_diode_v1_Owner__Output);
  'replicate_components'?: (boolean);
  'adopt_components'?: (boolean);
  '_status'?: "status";
  '_serial'?: "serial";
  '_asset_tag'?: "asset_tag";
  '_description'?: "description";
  '_comments'?: "comments";
  '_owner'?: "owner";
  '_replicate_components'?: "replicate_components";
  '_adopt_components'?: "adopt_components";
}
