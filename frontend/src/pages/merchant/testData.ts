// Sample API answers for the onboarding page tests.
import type { Agreement, MerchantApplication, MerchantProfile, SelectionRound } from '../../api/merchant';
import type { Enterprise } from '../../api/types';

export const enterprise: Enterprise = {
  id: 5,
  name: '东裕茗茶有限公司',
  creditCode: '91610100MA6TG1XX7Q',
  region: '西安市',
  industry: '茶叶',
  size: 'SMALL',
  tier: 'NONE',
  createdAt: '2026-11-01T02:00:00Z',
};

export function application(over: Partial<MerchantApplication> = {}): MerchantApplication {
  return {
    id: 11,
    roundId: 3,
    roundName: '第一批遴选',
    enterprise,
    applicantId: 1,
    applicantName: '张三',
    contactName: '王经理',
    contactPhone: '13912345678',
    category: 'FAMOUS_QUALITY',
    proposedProducts: '东裕茗茶礼盒',
    status: 'SUBMITTED',
    decisionReason: null,
    documents: [
      { fileId: 7, kind: 'BUSINESS_LICENSE', name: '营业执照.pdf', contentType: 'application/pdf', sizeBytes: 2048, url: '/api/files/7' },
    ],
    history: [{ from: null, to: 'SUBMITTED', reason: null, actorId: 1, actorName: '张三', at: '2026-11-20T02:00:00Z' }],
    createdAt: '2026-11-20T02:00:00Z',
    updatedAt: '2026-11-20T02:00:00Z',
    ...over,
  };
}

export function round(over: Partial<SelectionRound> = {}): SelectionRound {
  return {
    id: 3,
    name: '第一批遴选',
    quota: 20,
    opensAt: '2026-11-01T00:00:00Z',
    closesAt: '2026-12-31T00:00:00Z',
    open: true,
    received: 200,
    pending: 30,
    approved: 12,
    quotaLeft: 8,
    createdAt: '2026-10-30T00:00:00Z',
    ...over,
  };
}

export function agreement(over: Partial<Agreement> = {}): Agreement {
  return {
    id: 1,
    kind: 'ENTRY_AGREEMENT',
    version: 1,
    title: '进场协议（第 1 版）',
    body: '一、入驻企业……\n二、……',
    textSha256: 'a'.repeat(64),
    publishedAt: '2026-11-01T00:00:00Z',
    ...over,
  };
}

export function profile(over: Partial<MerchantProfile> = {}): MerchantProfile {
  return {
    id: 9,
    displayName: '东裕茗茶有限公司',
    status: 'ACTIVE',
    enterpriseId: 5,
    trading: false,
    agreements: [
      { agreement: agreement(), accepted: false, acceptedAt: null, acceptedBy: null },
      {
        agreement: agreement({ id: 2, kind: 'QUALITY_COMMITMENT', title: '质量服务承诺（第 1 版）', textSha256: 'b'.repeat(64) }),
        accepted: true,
        acceptedAt: '2026-11-21T00:00:00Z',
        acceptedBy: '张三',
      },
    ],
    createdAt: '2026-11-20T03:00:00Z',
    ...over,
  };
}

export const problem = (status: number, body: object) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });
