/** SSH drivers a scope may name (issue 6); unset means auto-detect. */
export const SSH_PLATFORMS = ['cisco_ios', 'cisco_nxos', 'cisco_xr', 'arista_eos', 'juniper_junos', 'hp_procurve', 'linux'] as const
