import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { ApplicationForm } from './ApplicationForm';
import { emptyApplicationForm } from './applicationForm';
import { application, enterprise, problem } from './testData';

const user = makeUser(['VIEWER'], { enterprise });
const rounds = [{ id: 3, name: '第一批遴选', quota: 20, opensAt: '2026-11-01T00:00:00Z', closesAt: '2026-12-31T00:00:00Z' }];

function fill(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } });
}

function upload(name: string, type = 'application/pdf') {
  fireEvent.change(screen.getByTestId('document-input'), { target: { files: [new File(['%PDF-1.7'], name, { type })] } });
}

describe('ApplicationForm', () => {
  it('shows every missing field without calling the server', () => {
    const { fetch } = renderWithAuth(<ApplicationForm initial={emptyApplicationForm()} rounds={rounds} onDone={vi.fn()} />, user);
    fetch.mockClear();
    fill('contactPhone', '12345');
    fireEvent.click(screen.getByTestId('application-submit'));
    expect(screen.getByTestId('error-roundId').textContent).toBe('请选择遴选批次');
    expect(screen.getByTestId('error-contactName').textContent).toBe('请填写联系人');
    expect(screen.getByTestId('error-contactPhone').textContent).toBe('请填写有效的 11 位手机号');
    expect(screen.getByTestId('error-category').textContent).toBe('请选择产品类别');
    expect(screen.getByTestId('error-documents').textContent).toBe('请上传资质文件（至少包括营业执照）');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('uploads documents as DOCUMENT, lists them with size and kind, and submits the application', async () => {
    const onDone = vi.fn();
    let fileId = 40;
    const { fetch } = renderWithAuth(
      <ApplicationForm initial={emptyApplicationForm('3')} rounds={rounds} onDone={onDone} />,
      user,
      '/apply',
      async (input, init) => {
        const url = String(input);
        if (url === '/api/files') {
          const name = ((init!.body as FormData).get('file') as File).name;
          return Response.json({ id: ++fileId, originalName: name, sizeBytes: 3 * 1024 * 1024, purpose: 'DOCUMENT' }, { status: 201 });
        }
        if (url === '/api/applications') return Response.json(application(), { status: 201 });
        return Response.json(user);
      },
    );
    fill('contactName', '王经理');
    fill('contactPhone', '13912345678');
    fill('category', 'FAMOUS_QUALITY');
    fill('proposedProducts', '东裕茗茶礼盒');
    upload('营业执照.pdf');
    await screen.findByText('营业执照.pdf');
    upload('质检报告.pdf');
    const second = await screen.findByTestId('doc-1');
    expect(within(second).getByText('3.0 MB')).toBeTruthy();
    const upload1 = fetch.mock.calls.find(([url]) => url === '/api/files')!;
    expect((upload1[1]!.body as FormData).get('purpose')).toBe('DOCUMENT');
    expect((upload1[1]!.headers as Record<string, string>).Authorization).toBe('Bearer test-token');

    fireEvent.click(screen.getByTestId('application-submit'));
    expect(screen.getByText('请选择文件类型')).toBeTruthy();
    fireEvent.change(within(second).getByRole('combobox'), { target: { value: 'QUALITY_CERTIFICATE' } });
    fireEvent.click(screen.getByTestId('application-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const post = fetch.mock.calls.find(([url]) => url === '/api/applications')!;
    expect(JSON.parse(post[1]!.body as string)).toEqual({
      roundId: 3,
      contactName: '王经理',
      contactPhone: '13912345678',
      category: 'FAMOUS_QUALITY',
      proposedProducts: '东裕茗茶礼盒',
      documents: [
        { fileId: 41, kind: 'BUSINESS_LICENSE' },
        { fileId: 42, kind: 'QUALITY_CERTIFICATE' },
      ],
    });
  });

  it('refuses a file that is not a PDF or image before uploading it', () => {
    const { fetch } = renderWithAuth(<ApplicationForm initial={emptyApplicationForm()} rounds={rounds} onDone={vi.fn()} />, user);
    fetch.mockClear();
    upload('合同.docx', 'application/msword');
    expect(screen.getByTestId('error-documents').textContent).toBe('合同.docx：仅支持 PDF、JPG、PNG 文件');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('revises with PUT and shows the server problem and its field errors', async () => {
    const changes = application({ status: 'CHANGES_REQUESTED', decisionReason: '请补充质量认证' });
    const { fetch } = renderWithAuth(
      <ApplicationForm initial={{ roundId: '3', contactName: '王经理', contactPhone: '13912345678', category: 'FAMOUS_QUALITY',
        proposedProducts: '茶', documents: [{ fileId: 7, kind: 'BUSINESS_LICENSE', name: '营业执照.pdf', sizeBytes: 10 }] }}
        applicationId={changes.id} onDone={vi.fn()} />,
      user,
      '/apply',
      async (input) =>
        String(input) === '/api/applications/11'
          ? problem(400, { detail: '请求参数有误', errors: [{ field: 'documents[0].fileId', message: '文件不存在或不是您上传的' }] })
          : Response.json(user),
    );
    expect(document.getElementById('roundId')).toBeNull();
    fireEvent.click(screen.getByTestId('application-submit'));
    expect(await screen.findByText('文件不存在或不是您上传的')).toBeTruthy();
    expect(screen.getByTestId('form-alert').textContent).toBe('请求参数有误');
    const order = screen.getByTestId('application-submit').compareDocumentPosition(screen.getByTestId('form-alert'));
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy(); // under the button: nothing above the pointer moves
    const put = fetch.mock.calls.find(([url]) => url === '/api/applications/11')!;
    expect(put[1]!.method).toBe('PUT');
    expect(JSON.parse(put[1]!.body as string)).not.toHaveProperty('roundId');
  });
});
