// NetBox (Django) slugify: ASCII-fold, drop what is not a word character, space or hyphen,
// lowercase, and join words with single hyphens. A site named "DC 1 / Berlin" gets "dc-1-berlin".
export function slugify (value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 100)
}
