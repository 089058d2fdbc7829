// Original file: proto/diode/v1/ingester.proto

import type { Circuit as _diode_v1_Circuit, Circuit__Output as _diode_v1_Circuit__Output } from '../../diode/v1/Circuit.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from '../../diode/v1/Location.ts';
import type { ProviderNetwork as _diode_v1_ProviderNetwork, ProviderNetwork__Output as _diode_v1_ProviderNetwork__Output } from '../../diode/v1/ProviderNetwork.ts';
import type { Region as _diode_v1_Region, Region__Output as _diode_v1_Region__Output } from '../../diode/v1/Region.ts';
import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from '../../diode/v1/Site.ts';
import type { SiteGroup as _diode_v1_SiteGroup, SiteGroup__Output as _diode_v1_SiteGroup__Output } from '../../diode/v1/SiteGroup.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from '../../diode/v1/Tag.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from '../../diode/v1/CustomFieldValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from '../../google/protobuf/Struct.ts';
import type { Long } from '@grpc/proto-loader';

export interface CircuitTermination {
  'circuit'?: (_diode_v1_Circuit | null);
  'term_side'?: (string);
  'termination_location'?: (_diode_v1_Location | null);
  'termination_provider_network'?: (_diode_v1_ProviderNetwork | null);
  'termination_region'?: (_diode_v1_Region | null);
  'termination_site'?: (_diode_v1_Site | null);
  'termination_site_group'?: (_diode_v1_SiteGroup | null);
  'port_speed'?: (number | string | Long);
  'upstream_speed'?: (number | string | Long);
  'xconnect_id'?: (string);
  'pp_info'?: (string);
  'description'?: (string);
  'mark_connected'?: (boolean);
  'tags'?: (_diode_v1_Tag)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue});
  'metadata'?: (_google_protobuf_Struct | null);
  'termination'?: "termination_location"|"termination_provider_network"|"termination_region"|"termination_site"|"termination_site_group";
  '_port_speed'?: "port_speed";
  '_upstream_speed'?: "upstream_speed";
  '_xconnect_id'?: "xconnect_id";
  '_pp_info'?: "pp_info";
  '_description'?: "description";
  '_mark_connected'?: "mark_connected";
}

export interface CircuitTermination__Output {
  'circuit'?: (_diode_v1_Circuit__Output);
  'term_side'?: (string);
  'termination_location'?: (_diode_v1_Location__Output);
  'termination_provider_network'?: (_diode_v1_ProviderNetwork__Output);
  'termination_region'?: (_diode_v1_Region__Output);
  'termination_site'?: (_diode_v1_Site__Output);
  'termination_site_group'?: (_diode_v1_SiteGroup__Output);
  'port_speed'?: (number);
  'upstream_speed'?: (number);
  'xconnect_id'?: (string);
  'pp_info'?: (string);
  'description'?: (string);
  'mark_connected'?: (boolean);
  'tags'?: (_diode_v1_Tag__Output)[];
  'custom_fields'?: ({[key: string]: _diode_v1_CustomFieldValue__Output});
  'metadata'?: (_google_protobuf_Struct__Output);
  'termination'?: "termination_location"|"termination_provider_network"|"termination_region"|"termination_site"|"termination_site_group";
  '_port_speed'?: "port_speed";
  '_upstream_speed'?: "upstream_speed";
  '_xconnect_id'?: "xconnect_id";
  '_pp_info'?: "pp_info";
  '_description'?: "description";
  '_mark_connected'?: "mark_connected";
}
