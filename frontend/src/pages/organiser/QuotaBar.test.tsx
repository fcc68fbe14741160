import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QuotaBar } from './QuotaBar';

describe('QuotaBar', () => {
  it('shows approvals against the quota and what is left', () => {
    render(<QuotaBar approved={12} quota={20} />);
    expect(screen.getByTestId('quota-text').textContent).toBe('已通过 12 / 20，剩余 8');
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('12');
    expect(bar.getAttribute('aria-valuemax')).toBe('20');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('60%');
    expect(screen.getByTestId('quota').className).not.toContain('full');
  });

  it('says when the quota is used up', () => {
    render(<QuotaBar approved={20} quota={20} />);
    expect(screen.getByTestId('quota-text').textContent).toBe('已通过 20 / 20（名额已满）');
    expect(screen.getByTestId('quota').className).toContain('full');
  });
});
