import type { ProductCategory } from '../../api/catalogue';
import { CATEGORY_LABELS } from './labels';

/**
 * What stands for a product that has no picture yet: its first character on its category's colour, so a hall of
 * new products still reads at a glance on a phone.
 */
export function ProductMonogram({ name, category, className = '' }: {
  name: string;
  category: ProductCategory;
  className?: string;
}) {
  const first = Array.from(name.trim())[0] ?? '品';
  return (
    <div className={`product-monogram ${className}`.trim()} data-category={category} role="img"
      aria-label={`${name}（暂无图片）`}>
      <span className="product-monogram-char" aria-hidden="true">{first}</span>
      <span className="product-monogram-label" aria-hidden="true">{CATEGORY_LABELS[category]}</span>
    </div>
  );
}
