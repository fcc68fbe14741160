import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from './Field';

function renderField(error?: string, hint?: string) {
  return render(<TextField id="phone" label="手机号" value="" onChange={() => undefined} error={error} hint={hint} />);
}

describe('Field', () => {
  it('reserves the message line when there is neither error nor hint', () => {
    const { container } = renderField();
    const line = screen.getByTestId('message-phone');
    expect(line.classList.contains('field-message')).toBe(true);
    expect(line.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelectorAll('.field > *')).toHaveLength(3); // label, input, message line
  });

  it('puts an error in the reserved line, in place of the empty line or the hint', () => {
    const { container, rerender } = renderField(undefined, '11 位');
    expect(container.querySelectorAll('.field > *')).toHaveLength(3);
    expect(container.querySelector('.field-message')?.textContent).toBe('11 位');
    rerender(<TextField id="phone" label="手机号" value="" onChange={() => undefined} error="请填写有效的手机号" hint="11 位" />);
    expect(container.querySelectorAll('.field > *')).toHaveLength(3);
    const error = screen.getByTestId('error-phone');
    expect(error.classList.contains('field-message')).toBe(true);
    expect(error.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('手机号').getAttribute('aria-describedby')).toBe('phone-error');
    expect(screen.queryByText('11 位')).toBeNull();
  });
});
