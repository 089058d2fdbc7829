// Regenerates choice-labels.json from NetBox's OpenAPI document, so choice fields render with the
// same labels NetBox shows ({ value: 'active', label: 'Active' }).
// Usage: node --import tsx reconciler/read-api/gen-choice-labels.ts path/to/openapi-netbox.yaml
import { readFileSync, writeFileSync } from 'node:fs'
import YAML from 'yaml'

// The choice fields the read API renders; others fall back to the value as label.
const FIELDS = [
  'Site.status', 'Location.status', 'Device.status', 'Device.airflow', 'Device.face',
  'DeviceType.subdevice_role', 'DeviceType.airflow', 'DeviceType.weight_unit',
  'Interface.type', 'Interface.mode', 'Interface.duplex', 'Interface.poe_mode', 'Interface.poe_type',
  'IPAddress.family', 'IPAddress.status', 'IPAddress.role', 'Prefix.status', 'VLAN.status',
  'VLAN.qinq_role', 'Cable.status', 'Cable.length_unit', 'InventoryItem.status', 'Module.status',
  'ObjectChange.action'
]

interface ChoiceSchema { properties?: { value?: { enum?: unknown[] }, label?: { enum?: unknown[] } } }

const file = process.argv[2]
if (!file) throw new Error('usage: gen-choice-labels.ts <openapi.yaml>')
const doc = YAML.parse(readFileSync(file, 'utf8')) as { components: { schemas: Record<string, { properties?: Record<string, ChoiceSchema> }> } }
const out: Record<string, Record<string, string>> = {}
for (const field of FIELDS) {
  const [schema, prop] = field.split('.')
  const choice = doc.components.schemas[schema]?.properties?.[prop]
  // drf-spectacular lists values and labels in the same order; the blank choice has no label.
  const values = (choice?.properties?.value?.enum ?? []).filter((v) => v !== '' && v !== null)
  const labels = choice?.properties?.label?.enum ?? []
  if (values.length === 0 || values.length !== labels.length) throw new Error(`${field}: no value/label enums in ${file}`)
  out[field] = Object.fromEntries(values.map((v, i) => [String(v), String(labels[i])]))
}
writeFileSync(new URL('./choice-labels.json', import.meta.url), JSON.stringify(out, null, 1) + '\n')
