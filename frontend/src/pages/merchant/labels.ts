import type {
  AgreementKind,
  ApplicationStatus,
  DocumentKind,
  MerchantStatus,
  ProductCategory,
} from '../../api/merchant';

export const CATEGORY_LABELS: Record<ProductCategory, string> = {
  FAMOUS_QUALITY: '名优新特',
  CULTURAL_CREATIVE: '文创',
  INTANGIBLE_HERITAGE: '非遗',
  TOURISM_SOUVENIR: '旅游纪念品',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  BUSINESS_LICENSE: '营业执照',
  PRODUCT_QUALIFICATION: '产品资质',
  QUALITY_CERTIFICATE: '质量认证',
  TRADEMARK: '商标注册证',
  OTHER: '其他',
};

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  SUBMITTED: '待审核',
  CHANGES_REQUESTED: '需补充材料',
  APPROVED: '已通过',
  REJECTED: '未通过',
};

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  ENTRY_AGREEMENT: '进场协议',
  QUALITY_COMMITMENT: '质量服务承诺',
};

export const MERCHANT_STATUS_LABELS: Record<MerchantStatus, string> = {
  ACTIVE: '正常',
  SUSPENDED: '已暂停',
};

export function options<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** 1536 → "1.5 KB", 2_400_000 → "2.3 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
