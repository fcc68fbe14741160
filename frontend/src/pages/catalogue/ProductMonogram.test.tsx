import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProductMonogram } from './ProductMonogram';

describe('ProductMonogram', () => {
  it('shows the first character and the category, and names the product for screen readers', () => {
    render(<ProductMonogram name="  东裕茗茶·秦岭毛尖" category="FAMOUS_QUALITY" />);
    const tile = screen.getByRole('img', { name: '东裕茗茶·秦岭毛尖（暂无图片）' });
    expect(tile.getAttribute('data-category')).toBe('FAMOUS_QUALITY');
    expect(tile.textContent).toBe('东名优新特');
  });

  it('keeps a character outside the basic plane whole', () => {
    render(<ProductMonogram name="𠮷祥剪纸" category="INTANGIBLE_HERITAGE" />);
    expect(screen.getByRole('img').textContent).toBe('𠮷非遗');
  });
});
