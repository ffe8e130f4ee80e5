// The ids of the products the self-hosted catalog seeds (services/catalog/src/data-access/seed-products.ts); kept
// here as a list because each service ships alone: the inventory image does not contain the catalog's code.
export const seedProductIds: readonly string[] = Array.from({ length: 24 }, (_, i) => `prod-${String(i + 1).padStart(3, '0')}`);
