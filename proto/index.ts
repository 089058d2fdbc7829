// Public surface of the wire contract: codecs, entity member tables and the generated types.
export {
  root,
  messageType,
  TO_OBJECT_OPTIONS,
  IngestRequestType,
  IngestResponseType,
  EntityType,
  encodeIngestRequest,
  decodeIngestRequest,
  encodeIngestResponse,
  decodeIngestResponse,
  encodeMessage,
  decodeMessage
} from './codec.ts'
export { ENTITY_TYPES, ENTITY_MESSAGE, ENTITY_FIELD_NUMBER, entityTypeOf } from './entity-types.ts'
export { splitIngestRequest, decodeEntity, entityMember, type EntityPart, type RequestParts } from './request-parts.ts'
export { messageSplitter, type MessageParts, type MessageSplitter } from './message-parts.ts'
export { forEachField } from './wire.ts'
export { CHOICES, isCableableInterfaceType, isChoice } from './choices.ts'
export { toStruct, fromStruct, toValue, fromValue, timestampFromDate, dateFromTimestamp } from './struct.ts'
export { toProtoJson, fromProtoJson, formatRfc3339, ProtoJsonError } from './json.ts'
export type { JsonValue } from './struct.ts'
export type { FromProtoJsonOptions } from './json.ts'

/** gRPC method path of Ingest without a prefix; SDK targets may put a path in front of it. */
export const INGEST_METHOD = '/diode.v1.IngesterService/Ingest'
export const RETRIEVE_INGESTION_LOGS_METHOD = '/diode.v1.ReconcilerService/RetrieveIngestionLogs'

export type { IngestRequest, IngestRequest__Output } from './generated/diode/v1/IngestRequest.ts'
export type { IngestResponse, IngestResponse__Output } from './generated/diode/v1/IngestResponse.ts'
export type { Entity, Entity__Output } from './generated/diode/v1/Entity.ts'
export type { Device, Device__Output } from './generated/diode/v1/Device.ts'
export type { DeviceType, DeviceType__Output } from './generated/diode/v1/DeviceType.ts'
export type { DeviceRole, DeviceRole__Output } from './generated/diode/v1/DeviceRole.ts'
export type { Interface, Interface__Output } from './generated/diode/v1/Interface.ts'
export type { IPAddress, IPAddress__Output } from './generated/diode/v1/IPAddress.ts'
export type { Prefix, Prefix__Output } from './generated/diode/v1/Prefix.ts'
export type { VLAN, VLAN__Output } from './generated/diode/v1/VLAN.ts'
export type { VLANGroup, VLANGroup__Output } from './generated/diode/v1/VLANGroup.ts'
export type { VRF, VRF__Output } from './generated/diode/v1/VRF.ts'
export type { Site, Site__Output } from './generated/diode/v1/Site.ts'
export type { Region, Region__Output } from './generated/diode/v1/Region.ts'
export type { Location, Location__Output } from './generated/diode/v1/Location.ts'
export type { Tenant, Tenant__Output } from './generated/diode/v1/Tenant.ts'
export type { Tag, Tag__Output } from './generated/diode/v1/Tag.ts'
export type { Manufacturer, Manufacturer__Output } from './generated/diode/v1/Manufacturer.ts'
export type { Platform, Platform__Output } from './generated/diode/v1/Platform.ts'
export type { MACAddress, MACAddress__Output } from './generated/diode/v1/MACAddress.ts'
export type { InventoryItem, InventoryItem__Output } from './generated/diode/v1/InventoryItem.ts'
export type { Module, Module__Output } from './generated/diode/v1/Module.ts'
export type { ModuleBay, ModuleBay__Output } from './generated/diode/v1/ModuleBay.ts'
export type { ModuleType, ModuleType__Output } from './generated/diode/v1/ModuleType.ts'
export type { VirtualChassis, VirtualChassis__Output } from './generated/diode/v1/VirtualChassis.ts'
export type { Cable, Cable__Output } from './generated/diode/v1/Cable.ts'
export type { RouteTarget, RouteTarget__Output } from './generated/diode/v1/RouteTarget.ts'
export type { IngestionLog, IngestionLog__Output } from './generated/diode/v1/IngestionLog.ts'
export type { ChangeSet, ChangeSet__Output } from './generated/diode/v1/ChangeSet.ts'
export type { RetrieveIngestionLogsRequest, RetrieveIngestionLogsRequest__Output } from './generated/diode/v1/RetrieveIngestionLogsRequest.ts'
export type { RetrieveIngestionLogsResponse, RetrieveIngestionLogsResponse__Output } from './generated/diode/v1/RetrieveIngestionLogsResponse.ts'
export type { State } from './generated/diode/v1/State.ts'
export type { Struct } from './generated/google/protobuf/Struct.ts'
export type { Timestamp } from './generated/google/protobuf/Timestamp.ts'
