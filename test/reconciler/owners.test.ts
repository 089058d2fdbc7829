// Owners: the entities naming a shared node, with the node's path in each; appended in batch
// order, and in place when an entity is flattened out of order (a repeat applied after the rest).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Owners } from '../../reconciler/flatten.ts'

const list = (o: Owners): Array<[number, string]> => {
  const out: Array<[number, string]> = []
  o.forEach((path, entity) => out.push([entity, path]))
  return out
}

test('reconciler - Owners keeps each entity once with its path, the first first and the others by entity', () => {
  const o = new Owners(5, 'device')
  o.set(7, 'assigned_object_interface.device').set(9, 'device').set(2, 'device.x').set(8, 'y').set(7, 'z').set(5, 'root')
  assert.deepEqual(list(o), [[5, 'root'], [2, 'device.x'], [7, 'z'], [8, 'y'], [9, 'device']])
  for (const e of [5, 2, 7, 8, 9]) assert.equal(o.has(e), true, `has ${e}`)
  for (const e of [0, 1, 3, 6, 10]) assert.equal(o.has(e), false, `has not ${e}`)
  assert.equal(o.get(7), 'z')
  assert.equal(o.get(2), 'device.x')
  assert.equal(o.get(6), undefined)
})

test('reconciler - Owners with one entity answers for it alone', () => {
  const o = new Owners(3, '')
  assert.deepEqual(list(o), [[3, '']])
  assert.equal(o.has(3), true)
  assert.equal(o.has(4), false)
  assert.equal(o.get(4), undefined)
})
