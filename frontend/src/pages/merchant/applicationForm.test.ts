import { describe, expect, it } from 'vitest';
import {
  documentFileProblem,
  emptyApplicationForm,
  toApplicationInput,
  validateApplication,
} from './applicationForm';
import type { ApplicationForm } from './applicationForm';

const filled = (): ApplicationForm => ({
  roundId: '3',
  contactName: ' 王经理 ',
  contactPhone: '13912345678',
  category: 'FAMOUS_QUALITY',
  proposedProducts: '西凤酒',
  documents: [{ fileId: 7, kind: 'BUSINESS_LICENSE', name: '营业执照.pdf', sizeBytes: 100 }],
});

describe('validateApplication', () => {
  it('accepts a complete form and builds the request', () => {
    expect(validateApplication(filled(), true)).toEqual({});
    expect(toApplicationInput(filled(), true)).toEqual({
      roundId: 3,
      contactName: '王经理',
      contactPhone: '13912345678',
      category: 'FAMOUS_QUALITY',
      proposedProducts: '西凤酒',
      documents: [{ fileId: 7, kind: 'BUSINESS_LICENSE' }],
    });
    expect(toApplicationInput(filled(), false)).not.toHaveProperty('roundId');
  });

  it('names every missing field', () => {
    expect(Object.keys(validateApplication(emptyApplicationForm(), true)).sort()).toEqual(
      ['category', 'contactName', 'contactPhone', 'documents', 'proposedProducts', 'roundId'].sort(),
    );
    expect(validateApplication(emptyApplicationForm(), false)).not.toHaveProperty('roundId');
  });

  it('wants a mobile number, a business licence and a kind for every document', () => {
    const f = filled();
    f.contactPhone = '0291234567';
    f.documents = [
      { fileId: 1, kind: 'OTHER', name: 'a.pdf', sizeBytes: 1 },
      { fileId: 2, kind: '', name: 'b.pdf', sizeBytes: 1 },
    ];
    expect(validateApplication(f, true)).toEqual({
      contactPhone: '请填写有效的 11 位手机号',
      documents: '请上传营业执照',
      'documents[1].kind': '请选择文件类型',
    });
  });
});

describe('documentFileProblem', () => {
  it('refuses empty, oversized and non-document files', () => {
    expect(documentFileProblem(new File([], 'x.pdf', { type: 'application/pdf' }))).toBe('文件为空');
    const big = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    expect(documentFileProblem(big)).toBe('文件不能超过 10MB');
    expect(documentFileProblem(new File(['x'], 'a.docx', { type: 'application/msword' }))).toBe('仅支持 PDF、JPG、PNG 文件');
    expect(documentFileProblem(new File(['%PDF'], 'ok.pdf', { type: 'application/pdf' }))).toBeNull();
  });
});
