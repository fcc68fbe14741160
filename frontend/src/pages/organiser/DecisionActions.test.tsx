import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { application, problem } from '../merchant/testData';
import { DecisionActions } from './DecisionActions';

const organiser = makeUser(['VIEWER', 'ORGANISER']);

describe('DecisionActions', () => {
  it('offers nothing once the application has been decided', () => {
    renderWithAuth(<DecisionActions application={application({ status: 'APPROVED' })} quotaLeft={3} onDecided={vi.fn()} />, organiser);
    expect(screen.queryByTestId('decision-actions')).toBeNull();
  });

  it('asks for a reason before rejecting and sends it', async () => {
    const onDecided = vi.fn();
    const { fetch } = renderWithAuth(
      <DecisionActions application={application()} quotaLeft={3} onDecided={onDecided} />,
      organiser,
      '/organiser/applications',
      async (input) =>
        String(input) === '/api/organiser/applications/11/decision'
          ? Response.json(application({ status: 'REJECTED', decisionReason: '不属于名优新特' }))
          : Response.json(organiser),
    );
    fireEvent.click(screen.getByRole('button', { name: '驳回' }));
    fireEvent.click(screen.getByTestId('decision-confirm'));
    expect(screen.getByTestId('form-alert').textContent).toBe('请填写原因，申请方会看到这段说明');
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/decision'))).toBe(false);

    fireEvent.change(screen.getByLabelText('驳回原因'), { target: { value: ' 不属于名优新特 ' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    const call = fetch.mock.calls.find(([url]) => String(url).includes('/decision'))!;
    expect(JSON.parse(call[1]!.body as string)).toEqual({ decision: 'REJECT', reason: '不属于名优新特' });
    expect(onDecided.mock.calls[0][0].status).toBe('REJECTED');
  });

  it('approves without a reason and shows the server refusal when the quota filled meanwhile', async () => {
    const { fetch } = renderWithAuth(
      <DecisionActions application={application()} quotaLeft={1} onDecided={vi.fn()} />,
      organiser,
      '/organiser/applications',
      async (input) =>
        String(input).includes('/decision') ? problem(409, { detail: '本批次名额已满（已通过 20 / 20）' }) : Response.json(organiser),
    );
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    expect(screen.getByRole('dialog').textContent).toContain('剩余名额 1');
    fireEvent.click(screen.getByTestId('decision-confirm'));
    expect((await screen.findByTestId('form-alert')).textContent).toBe('本批次名额已满（已通过 20 / 20）');
    const call = fetch.mock.calls.find(([url]) => String(url).includes('/decision'))!;
    expect(JSON.parse(call[1]!.body as string)).toEqual({ decision: 'APPROVE' });
  });

  it('disables 通过 when no place is left, but still allows the other decisions', () => {
    renderWithAuth(<DecisionActions application={application()} quotaLeft={0} onDecided={vi.fn()} />, organiser);
    expect((screen.getByRole('button', { name: '通过' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '要求补充' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('本批次名额已满，不能再通过申请。')).toBeTruthy();
  });
});
