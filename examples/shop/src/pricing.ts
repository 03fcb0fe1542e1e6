/** Prices, discounts and taxes for the example shop. */

/** A price in cents, never negative. */
export type Cents = number;

export interface Discount {
  code: string;
  /** Percentage off, 0-100. */
  percent: number;
}

/** Applies a percentage discount and rounds to whole cents. */
export function applyDiscount(amount: Cents, discount: Discount | undefined): Cents {
  if (!discount) return amount;
  const percent = Math.min(100, Math.max(0, discount.percent));
  return Math.round(amount * (1 - percent / 100));
}

/** Adds VAT at `rate` (0.2 for 20%). */
export function addTax(amount: Cents, rate: number): Cents {
  return Math.round(amount * (1 + rate));
}

export const defaultTaxRate = 0.2;
