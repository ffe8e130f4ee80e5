// Search and paging rules. FerretDB v1 has no $text index, so `q` is a case-insensitive substring match on name and description.

export interface SearchInput {
  q?: string | undefined;
  category?: string | undefined;
  page: number;
  limit: number;
}

export const maxPageSize = 100;

/** Regex metacharacters in user input match themselves, so `q` can never be a pattern (or a slow one). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The MongoDB filter for a search; blank `q` and `category` mean no condition. */
export function searchFilter(input: Pick<SearchInput, 'q' | 'category'>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const q = input.q?.trim();
  if (q) {
    const pattern = { $regex: escapeRegex(q), $options: 'i' };
    filter.$or = [{ name: pattern }, { description: pattern }];
  }
  const category = input.category?.trim();
  if (category) filter.category = category;
  return filter;
}

export function pageWindow(input: Pick<SearchInput, 'page' | 'limit'>): { skip: number; limit: number } {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit)), maxPageSize);
  return { skip: (Math.max(1, Math.trunc(input.page)) - 1) * limit, limit };
}
