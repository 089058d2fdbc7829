// What the lab's devices call themselves (sysName / hostname in their recordings and CLI
// outputs), i.e. the device names the source of truth must end up with.
export const LAB_HOSTNAMES = [
  'core1.lab.example', 'dist1.lab.example', 'access1.lab.example', 'edge1.lab.example',
  'r1', 'leaf1', 'ex1', 'srv1', 'pe1', 'spine1', 'sw2'
]
