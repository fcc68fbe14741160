// The 入驻申请 form: its model, client-side checks mirroring the server's rules, and the request body.
import type { ApplicationInput, DocumentKind, MerchantApplication, ProductCategory } from '../../api/merchant';
import type { FieldErrors } from '../../lib/validation';

export const MAX_DOCUMENTS = 20;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const PHONE_RE = /^1[3-9]\d{9}$/;

/** An uploaded document in the form: the stored file and the kind the applicant chose. */
export interface DocumentItem {
  fileId: number;
  kind: DocumentKind | '';
  name: string;
  sizeBytes: number;
}

export interface ApplicationForm {
  roundId: string;
  contactName: string;
  contactPhone: string;
  category: ProductCategory | '';
  proposedProducts: string;
  documents: DocumentItem[];
}

export const emptyApplicationForm = (roundId = ''): ApplicationForm => ({
  roundId,
  contactName: '',
  contactPhone: '',
  category: '',
  proposedProducts: '',
  documents: [],
});

/** Prefills a revision with what was submitted. */
export function formFromApplication(a: MerchantApplication): ApplicationForm {
  return {
    roundId: String(a.roundId),
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    category: a.category,
    proposedProducts: a.proposedProducts,
    documents: a.documents.map((d) => ({ fileId: d.fileId, kind: d.kind, name: d.name, sizeBytes: d.sizeBytes })),
  };
}

/** Errors keyed by the API's field paths (`documents[1].kind`); `roundId` only for a new application. */
export function validateApplication(f: ApplicationForm, needsRound: boolean): FieldErrors {
  const e: FieldErrors = {};
  if (needsRound && !f.roundId) e.roundId = '请选择遴选批次';
  const name = f.contactName.trim();
  if (!name) e.contactName = '请填写联系人';
  else if (name.length > 40) e.contactName = '联系人不能超过 40 个字';
  if (!f.contactPhone) e.contactPhone = '请填写联系电话';
  else if (!PHONE_RE.test(f.contactPhone)) e.contactPhone = '请填写有效的 11 位手机号';
  if (!f.category) e.category = '请选择产品类别';
  const products = f.proposedProducts.trim();
  if (!products) e.proposedProducts = '请填写拟上架产品';
  else if (products.length > 2000) e.proposedProducts = '拟上架产品不能超过 2000 个字';
  if (f.documents.length === 0) e.documents = '请上传资质文件（至少包括营业执照）';
  else if (f.documents.length > MAX_DOCUMENTS) e.documents = `资质文件不能超过 ${MAX_DOCUMENTS} 个`;
  else if (!f.documents.some((d) => d.kind === 'BUSINESS_LICENSE')) e.documents = '请上传营业执照';
  f.documents.forEach((d, i) => {
    if (!d.kind) e[`documents[${i}].kind`] = '请选择文件类型';
  });
  return e;
}

export function toApplicationInput(f: ApplicationForm, withRound: boolean): ApplicationInput {
  return {
    ...(withRound ? { roundId: Number(f.roundId) } : {}),
    contactName: f.contactName.trim(),
    contactPhone: f.contactPhone.trim(),
    category: f.category as ProductCategory,
    proposedProducts: f.proposedProducts.trim(),
    documents: f.documents.map((d) => ({ fileId: d.fileId, kind: d.kind as DocumentKind })),
  };
}

/** Why a chosen file cannot be a qualification document, or null. The server checks the bytes again. */
export function documentFileProblem(file: File): string | null {
  if (file.size === 0) return '文件为空';
  if (file.size > MAX_DOCUMENT_BYTES) return '文件不能超过 10MB';
  if (file.type && !DOCUMENT_TYPES.includes(file.type)) return '仅支持 PDF、JPG、PNG 文件';
  return null;
}
