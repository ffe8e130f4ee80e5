// The products a fresh self-hosted catalog starts with. Ids and SKUs are stable: inventory seeds stock for the same
// ids (services/inventory/src/data-access/seed-product-ids.ts), so keep the two lists in step.
import type { Product } from '../domain/product.js';

type Seed = [sku: string, name: string, category: string, cents: number, description: string];

const seeds: Seed[] = [
  ['KIT-MUG-01', 'Stoneware Mug', 'kitchen', 1250, 'A 350 ml glazed stoneware mug that keeps coffee warm.'],
  ['KIT-KNF-02', 'Chef Knife', 'kitchen', 5900, 'A 20 cm carbon steel chef knife with a walnut handle.'],
  ['KIT-PAN-03', 'Cast Iron Pan', 'kitchen', 4500, 'A pre-seasoned 26 cm cast iron skillet for stove and oven.'],
  ['KIT-KET-04', 'Electric Kettle', 'kitchen', 3900, 'A 1.7 litre stainless kettle with temperature control.'],
  ['BOK-NOV-05', 'The Long Voyage', 'books', 1800, 'A sea novel about a crew that sails past the edge of the map.'],
  ['BOK-COO-06', 'Bread at Home', 'books', 2600, 'A baking book: sourdough, flatbreads and weekday loaves.'],
  ['BOK-SCI-07', 'Small Machines', 'books', 2200, 'Popular science about the motors inside living cells.'],
  ['BOK-POE-08', 'Winter Poems', 'books', 1400, 'A slim collection of poems written during one long winter.'],
  ['ELE-HPH-09', 'Wireless Headphones', 'electronics', 12900, 'Over-ear headphones with noise cancelling and 30 hour battery.'],
  ['ELE-KBD-10', 'Mechanical Keyboard', 'electronics', 8900, 'A compact keyboard with tactile switches and USB-C.'],
  ['ELE-LMP-11', 'Desk Lamp', 'electronics', 3400, 'An LED desk lamp with dimmer and warm to cool light.'],
  ['ELE-CHG-12', 'USB-C Charger', 'electronics', 2900, 'A 65 W charger with two USB-C ports for laptop and phone.'],
  ['OUT-TNT-13', 'Two Person Tent', 'outdoors', 19900, 'A light three-season tent that pitches in five minutes.'],
  ['OUT-BTL-14', 'Insulated Bottle', 'outdoors', 2800, 'A steel bottle that keeps water cold for a day.'],
  ['OUT-LMP-15', 'Head Lamp', 'outdoors', 2400, 'A rechargeable head lamp with red night mode.'],
  ['OUT-BAG-16', 'Trail Backpack', 'outdoors', 9900, 'A 30 litre backpack with rain cover and hip belt.'],
  ['APP-TSH-17', 'Cotton T-Shirt', 'apparel', 1900, 'A heavyweight organic cotton t-shirt.'],
  ['APP-HOD-18', 'Wool Hoodie', 'apparel', 7900, 'A merino wool hoodie for cool evenings.'],
  ['APP-SCK-19', 'Hiking Socks', 'apparel', 1500, 'Cushioned wool socks, two pairs.'],
  ['APP-CAP-20', 'Canvas Cap', 'apparel', 2100, 'A six panel canvas cap with an adjustable strap.'],
  ['HOM-CND-21', 'Beeswax Candle', 'home', 1600, 'A hand-poured beeswax candle that burns for 40 hours.'],
  ['HOM-BLK-22', 'Linen Blanket', 'home', 8400, 'A stonewashed linen throw blanket.'],
  ['HOM-PLT-23', 'Ceramic Planter', 'home', 2700, 'A matte ceramic planter with drainage dish.'],
  ['HOM-CLK-24', 'Wall Clock', 'home', 4200, 'A silent wall clock with an oak frame.'],
];

/** prod-001 … prod-024, in the order above. */
export const seedProducts: readonly Product[] = seeds.map(([sku, name, category, amount, description], i) => ({
  id: `prod-${String(i + 1).padStart(3, '0')}`,
  sku,
  name,
  description,
  category,
  price: { amount, currency: 'USD' },
}));
