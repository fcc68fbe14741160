import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RegionsTable } from './RegionsTable';

describe('RegionsTable', () => {
  it('shows viewers, orders and GMV, without an enterprises column for the showcase', () => {
    render(<RegionsTable showcase regions={[{ region: '西安市', viewers: 12, orders: 3, gmvFenToday: 12_345, enterprises: 0 }]} />);
    expect(screen.getByRole('heading').textContent).toBe('地区分布（陕西各地市）');
    expect(screen.getByTestId('region-row').textContent).toContain('西安市');
    expect(screen.queryByText('参会企业')).toBeNull();
  });

  it('counts a fair\'s participating enterprises in a column of their own, not as viewers online', () => {
    render(<RegionsTable showcase={false} regions={[{ region: '安徽省合肥市', viewers: 0, orders: 0, gmvFenToday: 0, enterprises: 120 }]} />);
    expect(screen.getByText('参会企业')).toBeTruthy();
    expect(screen.getByTestId('region-enterprises').textContent).toBe('120');
    expect(screen.getByTestId('region-row').querySelectorAll('td')[1].textContent).toBe('0');
  });
});
