// NetBox's limit/offset pagination: { count, next, previous, results }, links built from the
// request URL with only limit/offset replaced, so filters carry over to the next page.
import { InvalidQueryParamError } from './errors.ts'

/** Page size when ?limit= is absent (NetBox's PAGINATE_COUNT). */
export const DEFAULT_LIMIT = 50
/** Largest page (NetBox's MAX_PAGE_SIZE); larger limits, and limit=0, are capped to it. */
export const MAX_LIMIT = 1000

export interface Page { limit: number, offset: number }

function nonNegative (query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name)
  if (raw === null || raw.trim() === '') return undefined
  if (!/^\d{1,15}$/.test(raw.trim())) throw new InvalidQueryParamError(name, `"${raw}" is not a non-negative integer`)
  return Number(raw.trim())
}

export function parsePage (query: URLSearchParams): Page {
  const limit = nonNegative(query, 'limit')
  const offset = nonNegative(query, 'offset') ?? 0
  return { limit: limit === undefined ? DEFAULT_LIMIT : limit === 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT), offset }
}

export interface PageLinks { next: string | null, previous: string | null }

/** `requestUrl` is the absolute URL of this request as the client sees it. */
export function pageLinks (requestUrl: URL, page: Page, count: number): PageLinks {
  const link = (offset: number): string => {
    const u = new URL(requestUrl)
    u.searchParams.set('limit', String(page.limit))
    if (offset > 0) u.searchParams.set('offset', String(offset))
    else u.searchParams.delete('offset')
    return u.toString()
  }
  return {
    next: page.offset + page.limit < count ? link(page.offset + page.limit) : null,
    previous: page.offset > 0 ? link(Math.max(0, page.offset - page.limit)) : null
  }
}
