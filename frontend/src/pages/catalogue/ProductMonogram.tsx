import type { ProductCategory } from '../../api/catalogue';
import { CATEGORY_LABELS } from './labels';

/**
 * What stands for a product (or a live session) that has no picture yet: its first character on its category's
 * colour (red without a category), so a hall of new products still reads at a glance on a phone. `compact` is for
 * small tiles (lineup, pinned card): the character only.
 */
export function ProductMonogram({ name, category, compact = false, className = '' }: {
  name: string;
  category?: ProductCategory;
  compact?: boolean;
  className?: string;
}) {
  const first = Array.from(name.trim())[0] ?? '品';
  const classes = ['product-monogram', compact ? 'product-monogram-compact' : '', className].filter(Boolean).join(' ');
  return (
    <div className={classes} data-category={category} role="img" aria-label={`${name}（暂无图片）`}>
      <span className="product-monogram-char" aria-hidden="true">{first}</span>
      {!compact && category && (
        <span className="product-monogram-label" aria-hidden="true">{CATEGORY_LABELS[category]}</span>
      )}
    </div>
  );
}
