-- A delete must never leave two rows on one unique key. Five references were cleared on delete
-- (set null) while a unique index reads them as part of the key with NULL folded to 0, so a
-- delete by hand could fail on an unrelated row: deleting an interface whose MAC also exists
-- unassigned, a tenant whose device shares its name and site with an untenanted one, a VRF whose
-- addresses or prefixes also exist globally, a manufacturer whose platform's name exists without
-- one. They now do what NetBox does: a MAC address dies with its interface (the interface's
-- GenericRelation), and a device's tenant, an address's or prefix's VRF and a platform's
-- manufacturer cannot be deleted while referenced (PROTECT).
alter table mac_address drop constraint mac_address_interface_id_fkey,
  add constraint mac_address_interface_id_fkey foreign key (interface_id) references interface (id) on delete cascade;
alter table device drop constraint device_tenant_id_fkey,
  add constraint device_tenant_id_fkey foreign key (tenant_id) references tenant (id) on delete restrict;
alter table ip_address drop constraint ip_address_vrf_id_fkey,
  add constraint ip_address_vrf_id_fkey foreign key (vrf_id) references vrf (id) on delete restrict;
alter table prefix drop constraint prefix_vrf_id_fkey,
  add constraint prefix_vrf_id_fkey foreign key (vrf_id) references vrf (id) on delete restrict;
alter table platform drop constraint platform_manufacturer_id_fkey,
  add constraint platform_manufacturer_id_fkey foreign key (manufacturer_id) references manufacturer (id) on delete restrict;
