import { describe, expect, it } from 'vitest';
import { escapeRegex, pageWindow, searchFilter } from '../../src/domain/product-search.js';

describe('product search', () => {
  it('when q holds regex metacharacters, then they match literally', () => {
    const pattern = new RegExp(escapeRegex('a.b*(c)?[d]'), 'i');
    expect(pattern.test('xA.B*(C)?[D]y')).toBe(true);
    expect(pattern.test('aXbbc')).toBe(false);
  });

  it('when q is given, then name or description match it case-insensitively', () => {
    expect(searchFilter({ q: ' Mug ' })).toEqual({ $or: [{ name: { $regex: 'Mug', $options: 'i' } }, { description: { $regex: 'Mug', $options: 'i' } }] });
  });

  it('when a category is given, then only that category matches', () => {
    expect(searchFilter({ category: 'books' })).toEqual({ category: 'books' });
  });

  it('when q and category are blank, then everything matches', () => {
    expect(searchFilter({ q: '  ', category: '' })).toEqual({});
  });

  it('when page 3 of 20 is asked, then 40 products are skipped', () => {
    expect(pageWindow({ page: 3, limit: 20 })).toEqual({ skip: 40, limit: 20 });
  });

  it('when a page larger than 100 is asked, then it is capped at 100', () => {
    expect(pageWindow({ page: 1, limit: 1000 }).limit).toBe(100);
  });
});
