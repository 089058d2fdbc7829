import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ASN as _diode_v1_ASN, ASN__Output as _diode_v1_ASN__Output } from './diode/v1/ASN.ts';
import type { ASNRange as _diode_v1_ASNRange, ASNRange__Output as _diode_v1_ASNRange__Output } from './diode/v1/ASNRange.ts';
import type { Aggregate as _diode_v1_Aggregate, Aggregate__Output as _diode_v1_Aggregate__Output } from './diode/v1/Aggregate.ts';
import type { Cable as _diode_v1_Cable, Cable__Output as _diode_v1_Cable__Output } from './diode/v1/Cable.ts';
import type { CableBundle as _diode_v1_CableBundle, CableBundle__Output as _diode_v1_CableBundle__Output } from './diode/v1/CableBundle.ts';
import type { CablePath as _diode_v1_CablePath, CablePath__Output as _diode_v1_CablePath__Output } from './diode/v1/CablePath.ts';
import type { CableTermination as _diode_v1_CableTermination, CableTermination__Output as _diode_v1_CableTermination__Output } from './diode/v1/CableTermination.ts';
import type { Change as _diode_v1_Change, Change__Output as _diode_v1_Change__Output } from './diode/v1/Change.ts';
import type { ChangeSet as _diode_v1_ChangeSet, ChangeSet__Output as _diode_v1_ChangeSet__Output } from './diode/v1/ChangeSet.ts';
import type { Circuit as _diode_v1_Circuit, Circuit__Output as _diode_v1_Circuit__Output } from './diode/v1/Circuit.ts';
import type { CircuitGroup as _diode_v1_CircuitGroup, CircuitGroup__Output as _diode_v1_CircuitGroup__Output } from './diode/v1/CircuitGroup.ts';
import type { CircuitGroupAssignment as _diode_v1_CircuitGroupAssignment, CircuitGroupAssignment__Output as _diode_v1_CircuitGroupAssignment__Output } from './diode/v1/CircuitGroupAssignment.ts';
import type { CircuitTermination as _diode_v1_CircuitTermination, CircuitTermination__Output as _diode_v1_CircuitTermination__Output } from './diode/v1/CircuitTermination.ts';
import type { CircuitType as _diode_v1_CircuitType, CircuitType__Output as _diode_v1_CircuitType__Output } from './diode/v1/CircuitType.ts';
import type { Cluster as _diode_v1_Cluster, Cluster__Output as _diode_v1_Cluster__Output } from './diode/v1/Cluster.ts';
import type { ClusterGroup as _diode_v1_ClusterGroup, ClusterGroup__Output as _diode_v1_ClusterGroup__Output } from './diode/v1/ClusterGroup.ts';
import type { ClusterType as _diode_v1_ClusterType, ClusterType__Output as _diode_v1_ClusterType__Output } from './diode/v1/ClusterType.ts';
import type { ConsolePort as _diode_v1_ConsolePort, ConsolePort__Output as _diode_v1_ConsolePort__Output } from './diode/v1/ConsolePort.ts';
import type { ConsoleServerPort as _diode_v1_ConsoleServerPort, ConsoleServerPort__Output as _diode_v1_ConsoleServerPort__Output } from './diode/v1/ConsoleServerPort.ts';
import type { Contact as _diode_v1_Contact, Contact__Output as _diode_v1_Contact__Output } from './diode/v1/Contact.ts';
import type { ContactAssignment as _diode_v1_ContactAssignment, ContactAssignment__Output as _diode_v1_ContactAssignment__Output } from './diode/v1/ContactAssignment.ts';
import type { ContactGroup as _diode_v1_ContactGroup, ContactGroup__Output as _diode_v1_ContactGroup__Output } from './diode/v1/ContactGroup.ts';
import type { ContactRole as _diode_v1_ContactRole, ContactRole__Output as _diode_v1_ContactRole__Output } from './diode/v1/ContactRole.ts';
import type { CoolingFeed as _diode_v1_CoolingFeed, CoolingFeed__Output as _diode_v1_CoolingFeed__Output } from './diode/v1/CoolingFeed.ts';
import type { CoolingIntake as _diode_v1_CoolingIntake, CoolingIntake__Output as _diode_v1_CoolingIntake__Output } from './diode/v1/CoolingIntake.ts';
import type { CoolingOutflow as _diode_v1_CoolingOutflow, CoolingOutflow__Output as _diode_v1_CoolingOutflow__Output } from './diode/v1/CoolingOutflow.ts';
import type { CoolingSource as _diode_v1_CoolingSource, CoolingSource__Output as _diode_v1_CoolingSource__Output } from './diode/v1/CoolingSource.ts';
import type { CustomField as _diode_v1_CustomField, CustomField__Output as _diode_v1_CustomField__Output } from './diode/v1/CustomField.ts';
import type { CustomFieldChoiceSet as _diode_v1_CustomFieldChoiceSet, CustomFieldChoiceSet__Output as _diode_v1_CustomFieldChoiceSet__Output } from './diode/v1/CustomFieldChoiceSet.ts';
import type { CustomFieldObjectReference as _diode_v1_CustomFieldObjectReference, CustomFieldObjectReference__Output as _diode_v1_CustomFieldObjectReference__Output } from './diode/v1/CustomFieldObjectReference.ts';
import type { CustomFieldValue as _diode_v1_CustomFieldValue, CustomFieldValue__Output as _diode_v1_CustomFieldValue__Output } from './diode/v1/CustomFieldValue.ts';
import type { CustomLink as _diode_v1_CustomLink, CustomLink__Output as _diode_v1_CustomLink__Output } from './diode/v1/CustomLink.ts';
import type { Deviation as _diode_v1_Deviation, Deviation__Output as _diode_v1_Deviation__Output } from './diode/v1/Deviation.ts';
import type { DeviationError as _diode_v1_DeviationError, DeviationError__Output as _diode_v1_DeviationError__Output } from './diode/v1/DeviationError.ts';
import type { Device as _diode_v1_Device, Device__Output as _diode_v1_Device__Output } from './diode/v1/Device.ts';
import type { DeviceBay as _diode_v1_DeviceBay, DeviceBay__Output as _diode_v1_DeviceBay__Output } from './diode/v1/DeviceBay.ts';
import type { DeviceConfig as _diode_v1_DeviceConfig, DeviceConfig__Output as _diode_v1_DeviceConfig__Output } from './diode/v1/DeviceConfig.ts';
import type { DeviceRole as _diode_v1_DeviceRole, DeviceRole__Output as _diode_v1_DeviceRole__Output } from './diode/v1/DeviceRole.ts';
import type { DeviceType as _diode_v1_DeviceType, DeviceType__Output as _diode_v1_DeviceType__Output } from './diode/v1/DeviceType.ts';
import type { Entity as _diode_v1_Entity, Entity__Output as _diode_v1_Entity__Output } from './diode/v1/Entity.ts';
import type { FHRPGroup as _diode_v1_FHRPGroup, FHRPGroup__Output as _diode_v1_FHRPGroup__Output } from './diode/v1/FHRPGroup.ts';
import type { FHRPGroupAssignment as _diode_v1_FHRPGroupAssignment, FHRPGroupAssignment__Output as _diode_v1_FHRPGroupAssignment__Output } from './diode/v1/FHRPGroupAssignment.ts';
import type { FrontPort as _diode_v1_FrontPort, FrontPort__Output as _diode_v1_FrontPort__Output } from './diode/v1/FrontPort.ts';
import type { GenericObject as _diode_v1_GenericObject, GenericObject__Output as _diode_v1_GenericObject__Output } from './diode/v1/GenericObject.ts';
import type { IKEPolicy as _diode_v1_IKEPolicy, IKEPolicy__Output as _diode_v1_IKEPolicy__Output } from './diode/v1/IKEPolicy.ts';
import type { IKEProposal as _diode_v1_IKEProposal, IKEProposal__Output as _diode_v1_IKEProposal__Output } from './diode/v1/IKEProposal.ts';
import type { IPAddress as _diode_v1_IPAddress, IPAddress__Output as _diode_v1_IPAddress__Output } from './diode/v1/IPAddress.ts';
import type { IPRange as _diode_v1_IPRange, IPRange__Output as _diode_v1_IPRange__Output } from './diode/v1/IPRange.ts';
import type { IPSecPolicy as _diode_v1_IPSecPolicy, IPSecPolicy__Output as _diode_v1_IPSecPolicy__Output } from './diode/v1/IPSecPolicy.ts';
import type { IPSecProfile as _diode_v1_IPSecProfile, IPSecProfile__Output as _diode_v1_IPSecProfile__Output } from './diode/v1/IPSecProfile.ts';
import type { IPSecProposal as _diode_v1_IPSecProposal, IPSecProposal__Output as _diode_v1_IPSecProposal__Output } from './diode/v1/IPSecProposal.ts';
import type { IngestRequest as _diode_v1_IngestRequest, IngestRequest__Output as _diode_v1_IngestRequest__Output } from './diode/v1/IngestRequest.ts';
import type { IngestResponse as _diode_v1_IngestResponse, IngestResponse__Output as _diode_v1_IngestResponse__Output } from './diode/v1/IngestResponse.ts';
import type { IngesterServiceClient as _diode_v1_IngesterServiceClient, IngesterServiceDefinition as _diode_v1_IngesterServiceDefinition } from './diode/v1/IngesterService.ts';
import type { IngestionLog as _diode_v1_IngestionLog, IngestionLog__Output as _diode_v1_IngestionLog__Output } from './diode/v1/IngestionLog.ts';
import type { IngestionMetrics as _diode_v1_IngestionMetrics, IngestionMetrics__Output as _diode_v1_IngestionMetrics__Output } from './diode/v1/IngestionMetrics.ts';
import type { Interface as _diode_v1_Interface, Interface__Output as _diode_v1_Interface__Output } from './diode/v1/Interface.ts';
import type { InventoryItem as _diode_v1_InventoryItem, InventoryItem__Output as _diode_v1_InventoryItem__Output } from './diode/v1/InventoryItem.ts';
import type { InventoryItemRole as _diode_v1_InventoryItemRole, InventoryItemRole__Output as _diode_v1_InventoryItemRole__Output } from './diode/v1/InventoryItemRole.ts';
import type { JournalEntry as _diode_v1_JournalEntry, JournalEntry__Output as _diode_v1_JournalEntry__Output } from './diode/v1/JournalEntry.ts';
import type { L2VPN as _diode_v1_L2VPN, L2VPN__Output as _diode_v1_L2VPN__Output } from './diode/v1/L2VPN.ts';
import type { L2VPNTermination as _diode_v1_L2VPNTermination, L2VPNTermination__Output as _diode_v1_L2VPNTermination__Output } from './diode/v1/L2VPNTermination.ts';
import type { Location as _diode_v1_Location, Location__Output as _diode_v1_Location__Output } from './diode/v1/Location.ts';
import type { MACAddress as _diode_v1_MACAddress, MACAddress__Output as _diode_v1_MACAddress__Output } from './diode/v1/MACAddress.ts';
import type { Manufacturer as _diode_v1_Manufacturer, Manufacturer__Output as _diode_v1_Manufacturer__Output } from './diode/v1/Manufacturer.ts';
import type { Module as _diode_v1_Module, Module__Output as _diode_v1_Module__Output } from './diode/v1/Module.ts';
import type { ModuleBay as _diode_v1_ModuleBay, ModuleBay__Output as _diode_v1_ModuleBay__Output } from './diode/v1/ModuleBay.ts';
import type { ModuleBayType as _diode_v1_ModuleBayType, ModuleBayType__Output as _diode_v1_ModuleBayType__Output } from './diode/v1/ModuleBayType.ts';
import type { ModuleType as _diode_v1_ModuleType, ModuleType__Output as _diode_v1_ModuleType__Output } from './diode/v1/ModuleType.ts';
import type { ModuleTypeProfile as _diode_v1_ModuleTypeProfile, ModuleTypeProfile__Output as _diode_v1_ModuleTypeProfile__Output } from './diode/v1/ModuleTypeProfile.ts';
import type { Owner as _diode_v1_Owner, Owner__Output as _diode_v1_Owner__Output } from './diode/v1/Owner.ts';
import type { OwnerGroup as _diode_v1_OwnerGroup, OwnerGroup__Output as _diode_v1_OwnerGroup__Output } from './diode/v1/OwnerGroup.ts';
import type { Platform as _diode_v1_Platform, Platform__Output as _diode_v1_Platform__Output } from './diode/v1/Platform.ts';
import type { PowerFeed as _diode_v1_PowerFeed, PowerFeed__Output as _diode_v1_PowerFeed__Output } from './diode/v1/PowerFeed.ts';
import type { PowerOutlet as _diode_v1_PowerOutlet, PowerOutlet__Output as _diode_v1_PowerOutlet__Output } from './diode/v1/PowerOutlet.ts';
import type { PowerPanel as _diode_v1_PowerPanel, PowerPanel__Output as _diode_v1_PowerPanel__Output } from './diode/v1/PowerPanel.ts';
import type { PowerPort as _diode_v1_PowerPort, PowerPort__Output as _diode_v1_PowerPort__Output } from './diode/v1/PowerPort.ts';
import type { Prefix as _diode_v1_Prefix, Prefix__Output as _diode_v1_Prefix__Output } from './diode/v1/Prefix.ts';
import type { Provider as _diode_v1_Provider, Provider__Output as _diode_v1_Provider__Output } from './diode/v1/Provider.ts';
import type { ProviderAccount as _diode_v1_ProviderAccount, ProviderAccount__Output as _diode_v1_ProviderAccount__Output } from './diode/v1/ProviderAccount.ts';
import type { ProviderNetwork as _diode_v1_ProviderNetwork, ProviderNetwork__Output as _diode_v1_ProviderNetwork__Output } from './diode/v1/ProviderNetwork.ts';
import type { RIR as _diode_v1_RIR, RIR__Output as _diode_v1_RIR__Output } from './diode/v1/RIR.ts';
import type { Rack as _diode_v1_Rack, Rack__Output as _diode_v1_Rack__Output } from './diode/v1/Rack.ts';
import type { RackGroup as _diode_v1_RackGroup, RackGroup__Output as _diode_v1_RackGroup__Output } from './diode/v1/RackGroup.ts';
import type { RackReservation as _diode_v1_RackReservation, RackReservation__Output as _diode_v1_RackReservation__Output } from './diode/v1/RackReservation.ts';
import type { RackRole as _diode_v1_RackRole, RackRole__Output as _diode_v1_RackRole__Output } from './diode/v1/RackRole.ts';
import type { RackType as _diode_v1_RackType, RackType__Output as _diode_v1_RackType__Output } from './diode/v1/RackType.ts';
import type { RearPort as _diode_v1_RearPort, RearPort__Output as _diode_v1_RearPort__Output } from './diode/v1/RearPort.ts';
import type { ReconcilerServiceClient as _diode_v1_ReconcilerServiceClient, ReconcilerServiceDefinition as _diode_v1_ReconcilerServiceDefinition } from './diode/v1/ReconcilerService.ts';
import type { Region as _diode_v1_Region, Region__Output as _diode_v1_Region__Output } from './diode/v1/Region.ts';
import type { RetrieveDeviationByIDRequest as _diode_v1_RetrieveDeviationByIDRequest, RetrieveDeviationByIDRequest__Output as _diode_v1_RetrieveDeviationByIDRequest__Output } from './diode/v1/RetrieveDeviationByIDRequest.ts';
import type { RetrieveDeviationByIDResponse as _diode_v1_RetrieveDeviationByIDResponse, RetrieveDeviationByIDResponse__Output as _diode_v1_RetrieveDeviationByIDResponse__Output } from './diode/v1/RetrieveDeviationByIDResponse.ts';
import type { RetrieveDeviationsRequest as _diode_v1_RetrieveDeviationsRequest, RetrieveDeviationsRequest__Output as _diode_v1_RetrieveDeviationsRequest__Output } from './diode/v1/RetrieveDeviationsRequest.ts';
import type { RetrieveDeviationsResponse as _diode_v1_RetrieveDeviationsResponse, RetrieveDeviationsResponse__Output as _diode_v1_RetrieveDeviationsResponse__Output } from './diode/v1/RetrieveDeviationsResponse.ts';
import type { RetrieveIngestionLogsRequest as _diode_v1_RetrieveIngestionLogsRequest, RetrieveIngestionLogsRequest__Output as _diode_v1_RetrieveIngestionLogsRequest__Output } from './diode/v1/RetrieveIngestionLogsRequest.ts';
import type { RetrieveIngestionLogsResponse as _diode_v1_RetrieveIngestionLogsResponse, RetrieveIngestionLogsResponse__Output as _diode_v1_RetrieveIngestionLogsResponse__Output } from './diode/v1/RetrieveIngestionLogsResponse.ts';
import type { Role as _diode_v1_Role, Role__Output as _diode_v1_Role__Output } from './diode/v1/Role.ts';
import type { RouteTarget as _diode_v1_RouteTarget, RouteTarget__Output as _diode_v1_RouteTarget__Output } from './diode/v1/RouteTarget.ts';
import type { ScriptModule as _diode_v1_ScriptModule, ScriptModule__Output as _diode_v1_ScriptModule__Output } from './diode/v1/ScriptModule.ts';
import type { Service as _diode_v1_Service, Service__Output as _diode_v1_Service__Output } from './diode/v1/Service.ts';
import type { Site as _diode_v1_Site, Site__Output as _diode_v1_Site__Output } from './diode/v1/Site.ts';
import type { SiteGroup as _diode_v1_SiteGroup, SiteGroup__Output as _diode_v1_SiteGroup__Output } from './diode/v1/SiteGroup.ts';
import type { Tag as _diode_v1_Tag, Tag__Output as _diode_v1_Tag__Output } from './diode/v1/Tag.ts';
import type { Tenant as _diode_v1_Tenant, Tenant__Output as _diode_v1_Tenant__Output } from './diode/v1/Tenant.ts';
import type { TenantGroup as _diode_v1_TenantGroup, TenantGroup__Output as _diode_v1_TenantGroup__Output } from './diode/v1/TenantGroup.ts';
import type { Tunnel as _diode_v1_Tunnel, Tunnel__Output as _diode_v1_Tunnel__Output } from './diode/v1/Tunnel.ts';
import type { TunnelGroup as _diode_v1_TunnelGroup, TunnelGroup__Output as _diode_v1_TunnelGroup__Output } from './diode/v1/TunnelGroup.ts';
import type { TunnelTermination as _diode_v1_TunnelTermination, TunnelTermination__Output as _diode_v1_TunnelTermination__Output } from './diode/v1/TunnelTermination.ts';
import type { User as _diode_v1_User, User__Output as _diode_v1_User__Output } from './diode/v1/User.ts';
import type { VLAN as _diode_v1_VLAN, VLAN__Output as _diode_v1_VLAN__Output } from './diode/v1/VLAN.ts';
import type { VLANGroup as _diode_v1_VLANGroup, VLANGroup__Output as _diode_v1_VLANGroup__Output } from './diode/v1/VLANGroup.ts';
import type { VLANTranslationPolicy as _diode_v1_VLANTranslationPolicy, VLANTranslationPolicy__Output as _diode_v1_VLANTranslationPolicy__Output } from './diode/v1/VLANTranslationPolicy.ts';
import type { VLANTranslationRule as _diode_v1_VLANTranslationRule, VLANTranslationRule__Output as _diode_v1_VLANTranslationRule__Output } from './diode/v1/VLANTranslationRule.ts';
import type { VMInterface as _diode_v1_VMInterface, VMInterface__Output as _diode_v1_VMInterface__Output } from './diode/v1/VMInterface.ts';
import type { VRF as _diode_v1_VRF, VRF__Output as _diode_v1_VRF__Output } from './diode/v1/VRF.ts';
import type { VirtualChassis as _diode_v1_VirtualChassis, VirtualChassis__Output as _diode_v1_VirtualChassis__Output } from './diode/v1/VirtualChassis.ts';
import type { VirtualCircuit as _diode_v1_VirtualCircuit, VirtualCircuit__Output as _diode_v1_VirtualCircuit__Output } from './diode/v1/VirtualCircuit.ts';
import type { VirtualCircuitTermination as _diode_v1_VirtualCircuitTermination, VirtualCircuitTermination__Output as _diode_v1_VirtualCircuitTermination__Output } from './diode/v1/VirtualCircuitTermination.ts';
import type { VirtualCircuitType as _diode_v1_VirtualCircuitType, VirtualCircuitType__Output as _diode_v1_VirtualCircuitType__Output } from './diode/v1/VirtualCircuitType.ts';
import type { VirtualDeviceContext as _diode_v1_VirtualDeviceContext, VirtualDeviceContext__Output as _diode_v1_VirtualDeviceContext__Output } from './diode/v1/VirtualDeviceContext.ts';
import type { VirtualDisk as _diode_v1_VirtualDisk, VirtualDisk__Output as _diode_v1_VirtualDisk__Output } from './diode/v1/VirtualDisk.ts';
import type { VirtualMachine as _diode_v1_VirtualMachine, VirtualMachine__Output as _diode_v1_VirtualMachine__Output } from './diode/v1/VirtualMachine.ts';
import type { VirtualMachineType as _diode_v1_VirtualMachineType, VirtualMachineType__Output as _diode_v1_VirtualMachineType__Output } from './diode/v1/VirtualMachineType.ts';
import type { WirelessLAN as _diode_v1_WirelessLAN, WirelessLAN__Output as _diode_v1_WirelessLAN__Output } from './diode/v1/WirelessLAN.ts';
import type { WirelessLANGroup as _diode_v1_WirelessLANGroup, WirelessLANGroup__Output as _diode_v1_WirelessLANGroup__Output } from './diode/v1/WirelessLANGroup.ts';
import type { WirelessLink as _diode_v1_WirelessLink, WirelessLink__Output as _diode_v1_WirelessLink__Output } from './diode/v1/WirelessLink.ts';
import type { ListValue as _google_protobuf_ListValue, ListValue__Output as _google_protobuf_ListValue__Output } from './google/protobuf/ListValue.ts';
import type { Struct as _google_protobuf_Struct, Struct__Output as _google_protobuf_Struct__Output } from './google/protobuf/Struct.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.ts';
import type { Value as _google_protobuf_Value, Value__Output as _google_protobuf_Value__Output } from './google/protobuf/Value.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  diode: {
    v1: {
      ASN: MessageTypeDefinition<_diode_v1_ASN, _diode_v1_ASN__Output>
      ASNRange: MessageTypeDefinition<_diode_v1_ASNRange, _diode_v1_ASNRange__Output>
      Aggregate: MessageTypeDefinition<_diode_v1_Aggregate, _diode_v1_Aggregate__Output>
      Cable: MessageTypeDefinition<_diode_v1_Cable, _diode_v1_Cable__Output>
      CableBundle: MessageTypeDefinition<_diode_v1_CableBundle, _diode_v1_CableBundle__Output>
      CablePath: MessageTypeDefinition<_diode_v1_CablePath, _diode_v1_CablePath__Output>
      CableTermination: MessageTypeDefinition<_diode_v1_CableTermination, _diode_v1_CableTermination__Output>
      Change: MessageTypeDefinition<_diode_v1_Change, _diode_v1_Change__Output>
      ChangeSet: MessageTypeDefinition<_diode_v1_ChangeSet, _diode_v1_ChangeSet__Output>
      Circuit: MessageTypeDefinition<_diode_v1_Circuit, _diode_v1_Circuit__Output>
      CircuitGroup: MessageTypeDefinition<_diode_v1_CircuitGroup, _diode_v1_CircuitGroup__Output>
      CircuitGroupAssignment: MessageTypeDefinition<_diode_v1_CircuitGroupAssignment, _diode_v1_CircuitGroupAssignment__Output>
      CircuitTermination: MessageTypeDefinition<_diode_v1_CircuitTermination, _diode_v1_CircuitTermination__Output>
      CircuitType: MessageTypeDefinition<_diode_v1_CircuitType, _diode_v1_CircuitType__Output>
      Cluster: MessageTypeDefinition<_diode_v1_Cluster, _diode_v1_Cluster__Output>
      ClusterGroup: MessageTypeDefinition<_diode_v1_ClusterGroup, _diode_v1_ClusterGroup__Output>
      ClusterType: MessageTypeDefinition<_diode_v1_ClusterType, _diode_v1_ClusterType__Output>
      ConsolePort: MessageTypeDefinition<_diode_v1_ConsolePort, _diode_v1_ConsolePort__Output>
      ConsoleServerPort: MessageTypeDefinition<_diode_v1_ConsoleServerPort, _diode_v1_ConsoleServerPort__Output>
      Contact: MessageTypeDefinition<_diode_v1_Contact, _diode_v1_Contact__Output>
      ContactAssignment: MessageTypeDefinition<_diode_v1_ContactAssignment, _diode_v1_ContactAssignment__Output>
      ContactGroup: MessageTypeDefinition<_diode_v1_ContactGroup, _diode_v1_ContactGroup__Output>
      ContactRole: MessageTypeDefinition<_diode_v1_ContactRole, _diode_v1_ContactRole__Output>
      CoolingFeed: MessageTypeDefinition<_diode_v1_CoolingFeed, _diode_v1_CoolingFeed__Output>
      CoolingIntake: MessageTypeDefinition<_diode_v1_CoolingIntake, _diode_v1_CoolingIntake__Output>
      CoolingOutflow: MessageTypeDefinition<_diode_v1_CoolingOutflow, _diode_v1_CoolingOutflow__Output>
      CoolingSource: MessageTypeDefinition<_diode_v1_CoolingSource, _diode_v1_CoolingSource__Output>
      CustomField: MessageTypeDefinition<_diode_v1_CustomField, _diode_v1_CustomField__Output>
      CustomFieldChoiceSet: MessageTypeDefinition<_diode_v1_CustomFieldChoiceSet, _diode_v1_CustomFieldChoiceSet__Output>
      CustomFieldObjectReference: MessageTypeDefinition<_diode_v1_CustomFieldObjectReference, _diode_v1_CustomFieldObjectReference__Output>
      CustomFieldValue: MessageTypeDefinition<_diode_v1_CustomFieldValue, _diode_v1_CustomFieldValue__Output>
      CustomLink: MessageTypeDefinition<_diode_v1_CustomLink, _diode_v1_CustomLink__Output>
      Deviation: MessageTypeDefinition<_diode_v1_Deviation, _diode_v1_Deviation__Output>
      DeviationError: MessageTypeDefinition<_diode_v1_DeviationError, _diode_v1_DeviationError__Output>
      Device: MessageTypeDefinition<_diode_v1_Device, _diode_v1_Device__Output>
      DeviceBay: MessageTypeDefinition<_diode_v1_DeviceBay, _diode_v1_DeviceBay__Output>
      DeviceConfig: MessageTypeDefinition<_diode_v1_DeviceConfig, _diode_v1_DeviceConfig__Output>
      DeviceRole: MessageTypeDefinition<_diode_v1_DeviceRole, _diode_v1_DeviceRole__Output>
      DeviceType: MessageTypeDefinition<_diode_v1_DeviceType, _diode_v1_DeviceType__Output>
      Entity: MessageTypeDefinition<_diode_v1_Entity, _diode_v1_Entity__Output>
      FHRPGroup: MessageTypeDefinition<_diode_v1_FHRPGroup, _diode_v1_FHRPGroup__Output>
      FHRPGroupAssignment: MessageTypeDefinition<_diode_v1_FHRPGroupAssignment, _diode_v1_FHRPGroupAssignment__Output>
      FrontPort: MessageTypeDefinition<_diode_v1_FrontPort, _diode_v1_FrontPort__Output>
      GenericObject: MessageTypeDefinition<_diode_v1_GenericObject, _diode_v1_GenericObject__Output>
      IKEPolicy: MessageTypeDefinition<_diode_v1_IKEPolicy, _diode_v1_IKEPolicy__Output>
      IKEProposal: MessageTypeDefinition<_diode_v1_IKEProposal, _diode_v1_IKEProposal__Output>
      IPAddress: MessageTypeDefinition<_diode_v1_IPAddress, _diode_v1_IPAddress__Output>
      IPRange: MessageTypeDefinition<_diode_v1_IPRange, _diode_v1_IPRange__Output>
      IPSecPolicy: MessageTypeDefinition<_diode_v1_IPSecPolicy, _diode_v1_IPSecPolicy__Output>
      IPSecProfile: MessageTypeDefinition<_diode_v1_IPSecProfile, _diode_v1_IPSecProfile__Output>
      IPSecProposal: MessageTypeDefinition<_diode_v1_IPSecProposal, _diode_v1_IPSecProposal__Output>
      IngestRequest: MessageTypeDefinition<_diode_v1_IngestRequest, _diode_v1_IngestRequest__Output>
      IngestResponse: MessageTypeDefinition<_diode_v1_IngestResponse, _diode_v1_IngestResponse__Output>
      IngesterService: SubtypeConstructor<typeof grpc.Client, _diode_v1_IngesterServiceClient> & { service: _diode_v1_IngesterServiceDefinition }
      IngestionLog: MessageTypeDefinition<_diode_v1_IngestionLog, _diode_v1_IngestionLog__Output>
      IngestionMetrics: MessageTypeDefinition<_diode_v1_IngestionMetrics, _diode_v1_IngestionMetrics__Output>
      Interface: MessageTypeDefinition<_diode_v1_Interface, _diode_v1_Interface__Output>
      InventoryItem: MessageTypeDefinition<_diode_v1_InventoryItem, _diode_v1_InventoryItem__Output>
      InventoryItemRole: MessageTypeDefinition<_diode_v1_InventoryItemRole, _diode_v1_InventoryItemRole__Output>
      JournalEntry: MessageTypeDefinition<_diode_v1_JournalEntry, _diode_v1_JournalEntry__Output>
      L2VPN: MessageTypeDefinition<_diode_v1_L2VPN, _diode_v1_L2VPN__Output>
      L2VPNTermination: MessageTypeDefinition<_diode_v1_L2VPNTermination, _diode_v1_L2VPNTermination__Output>
      Location: MessageTypeDefinition<_diode_v1_Location, _diode_v1_Location__Output>
      MACAddress: MessageTypeDefinition<_diode_v1_MACAddress, _diode_v1_MACAddress__Output>
      Manufacturer: MessageTypeDefinition<_diode_v1_Manufacturer, _diode_v1_Manufacturer__Output>
      Module: MessageTypeDefinition<_diode_v1_Module, _diode_v1_Module__Output>
      ModuleBay: MessageTypeDefinition<_diode_v1_ModuleBay, _diode_v1_ModuleBay__Output>
      ModuleBayType: MessageTypeDefinition<_diode_v1_ModuleBayType, _diode_v1_ModuleBayType__Output>
      ModuleType: MessageTypeDefinition<_diode_v1_ModuleType, _diode_v1_ModuleType__Output>
      ModuleTypeProfile: MessageTypeDefinition<_diode_v1_ModuleTypeProfile, _diode_v1_ModuleTypeProfile__Output>
      Owner: MessageTypeDefinition<_diode_v1_Owner, _diode_v1_Owner__Output>
      OwnerGroup: MessageTypeDefinition<_diode_v1_OwnerGroup, _diode_v1_OwnerGroup__Output>
      Platform: MessageTypeDefinition<_diode_v1_Platform, _diode_v1_Platform__Output>
      PowerFeed: MessageTypeDefinition<_diode_v1_PowerFeed, _diode_v1_PowerFeed__Output>
      PowerOutlet: MessageTypeDefinition<_diode_v1_PowerOutlet, _diode_v1_PowerOutlet__Output>
      PowerPanel: MessageTypeDefinition<_diode_v1_PowerPanel, _diode_v1_PowerPanel__Output>
      PowerPort: MessageTypeDefinition<_diode_v1_PowerPort, _diode_v1_PowerPort__Output>
      Prefix: MessageTypeDefinition<_diode_v1_Prefix, _diode_v1_Prefix__Output>
      Provider: MessageTypeDefinition<_diode_v1_Provider, _diode_v1_Provider__Output>
      ProviderAccount: MessageTypeDefinition<_diode_v1_ProviderAccount, _diode_v1_ProviderAccount__Output>
      ProviderNetwork: MessageTypeDefinition<_diode_v1_ProviderNetwork, _diode_v1_ProviderNetwork__Output>
      RIR: MessageTypeDefinition<_diode_v1_RIR, _diode_v1_RIR__Output>
      Rack: MessageTypeDefinition<_diode_v1_Rack, _diode_v1_Rack__Output>
      RackGroup: MessageTypeDefinition<_diode_v1_RackGroup, _diode_v1_RackGroup__Output>
      RackReservation: MessageTypeDefinition<_diode_v1_RackReservation, _diode_v1_RackReservation__Output>
      RackRole: MessageTypeDefinition<_diode_v1_RackRole, _diode_v1_RackRole__Output>
      RackType: MessageTypeDefinition<_diode_v1_RackType, _diode_v1_RackType__Output>
      RearPort: MessageTypeDefinition<_diode_v1_RearPort, _diode_v1_RearPort__Output>
      ReconcilerService: SubtypeConstructor<typeof grpc.Client, _diode_v1_ReconcilerServiceClient> & { service: _diode_v1_ReconcilerServiceDefinition }
      Region: MessageTypeDefinition<_diode_v1_Region, _diode_v1_Region__Output>
      RetrieveDeviationByIDRequest: MessageTypeDefinition<_diode_v1_RetrieveDeviationByIDRequest, _diode_v1_RetrieveDeviationByIDRequest__Output>
      RetrieveDeviationByIDResponse: MessageTypeDefinition<_diode_v1_RetrieveDeviationByIDResponse, _diode_v1_RetrieveDeviationByIDResponse__Output>
      RetrieveDeviationsRequest: MessageTypeDefinition<_diode_v1_RetrieveDeviationsRequest, _diode_v1_RetrieveDeviationsRequest__Output>
      RetrieveDeviationsResponse: MessageTypeDefinition<_diode_v1_RetrieveDeviationsResponse, _diode_v1_RetrieveDeviationsResponse__Output>
      RetrieveIngestionLogsRequest: MessageTypeDefinition<_diode_v1_RetrieveIngestionLogsRequest, _diode_v1_RetrieveIngestionLogsRequest__Output>
      RetrieveIngestionLogsResponse: MessageTypeDefinition<_diode_v1_RetrieveIngestionLogsResponse, _diode_v1_RetrieveIngestionLogsResponse__Output>
      Role: MessageTypeDefinition<_diode_v1_Role, _diode_v1_Role__Output>
      RouteTarget: MessageTypeDefinition<_diode_v1_RouteTarget, _diode_v1_RouteTarget__Output>
      ScriptModule: MessageTypeDefinition<_diode_v1_ScriptModule, _diode_v1_ScriptModule__Output>
      Service: MessageTypeDefinition<_diode_v1_Service, _diode_v1_Service__Output>
      Site: MessageTypeDefinition<_diode_v1_Site, _diode_v1_Site__Output>
      SiteGroup: MessageTypeDefinition<_diode_v1_SiteGroup, _diode_v1_SiteGroup__Output>
      State: EnumTypeDefinition
      Tag: MessageTypeDefinition<_diode_v1_Tag, _diode_v1_Tag__Output>
      Tenant: MessageTypeDefinition<_diode_v1_Tenant, _diode_v1_Tenant__Output>
      TenantGroup: MessageTypeDefinition<_diode_v1_TenantGroup, _diode_v1_TenantGroup__Output>
      Tunnel: MessageTypeDefinition<_diode_v1_Tunnel, _diode_v1_Tunnel__Output>
      TunnelGroup: MessageTypeDefinition<_diode_v1_TunnelGroup, _diode_v1_TunnelGroup__Output>
      TunnelTermination: MessageTypeDefinition<_diode_v1_TunnelTermination, _diode_v1_TunnelTermination__Output>
      User: MessageTypeDefinition<_diode_v1_User, _diode_v1_User__Output>
      VLAN: MessageTypeDefinition<_diode_v1_VLAN, _diode_v1_VLAN__Output>
      VLANGroup: MessageTypeDefinition<_diode_v1_VLANGroup, _diode_v1_VLANGroup__Output>
      VLANTranslationPolicy: MessageTypeDefinition<_diode_v1_VLANTranslationPolicy, _diode_v1_VLANTranslationPolicy__Output>
      VLANTranslationRule: MessageTypeDefinition<_diode_v1_VLANTranslationRule, _diode_v1_VLANTranslationRule__Output>
      VMInterface: MessageTypeDefinition<_diode_v1_VMInterface, _diode_v1_VMInterface__Output>
      VRF: MessageTypeDefinition<_diode_v1_VRF, _diode_v1_VRF__Output>
      VirtualChassis: MessageTypeDefinition<_diode_v1_VirtualChassis, _diode_v1_VirtualChassis__Output>
      VirtualCircuit: MessageTypeDefinition<_diode_v1_VirtualCircuit, _diode_v1_VirtualCircuit__Output>
      VirtualCircuitTermination: MessageTypeDefinition<_diode_v1_VirtualCircuitTermination, _diode_v1_VirtualCircuitTermination__Output>
      VirtualCircuitType: MessageTypeDefinition<_diode_v1_VirtualCircuitType, _diode_v1_VirtualCircuitType__Output>
      VirtualDeviceContext: MessageTypeDefinition<_diode_v1_VirtualDeviceContext, _diode_v1_VirtualDeviceContext__Output>
      VirtualDisk: MessageTypeDefinition<_diode_v1_VirtualDisk, _diode_v1_VirtualDisk__Output>
      VirtualMachine: MessageTypeDefinition<_diode_v1_VirtualMachine, _diode_v1_VirtualMachine__Output>
      VirtualMachineType: MessageTypeDefinition<_diode_v1_VirtualMachineType, _diode_v1_VirtualMachineType__Output>
      WirelessLAN: MessageTypeDefinition<_diode_v1_WirelessLAN, _diode_v1_WirelessLAN__Output>
      WirelessLANGroup: MessageTypeDefinition<_diode_v1_WirelessLANGroup, _diode_v1_WirelessLANGroup__Output>
      WirelessLink: MessageTypeDefinition<_diode_v1_WirelessLink, _diode_v1_WirelessLink__Output>
    }
  }
  google: {
    protobuf: {
      ListValue: MessageTypeDefinition<_google_protobuf_ListValue, _google_protobuf_ListValue__Output>
      NullValue: EnumTypeDefinition
      Struct: MessageTypeDefinition<_google_protobuf_Struct, _google_protobuf_Struct__Output>
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
      Value: MessageTypeDefinition<_google_protobuf_Value, _google_protobuf_Value__Output>
    }
  }
}

