import type { IndustryNode, Listing } from '../../../api/fairListing';

export const industries: IndustryNode[] = [
  { code: 'C', name: '制造业', usable: false, children: [
    { code: 'C36', name: '汽车制造业', usable: true, children: [
      { code: 'C367', name: '汽车零部件及配件制造', usable: true, children: [] },
    ] },
    { code: 'C39', name: '计算机、通信和其他电子设备制造业', usable: true, children: [] },
  ] },
  { code: 'A', name: '农、林、牧、渔业', usable: false, children: [
    { code: 'A01', name: '农业', usable: true, children: [] },
  ] },
];

export function listing(id: number, over: Partial<Listing> = {}): Listing {
  return {
    id, enterpriseId: 2, enterpriseName: '合肥精铸汽车零部件有限公司', side: 'SUPPLY', title: `铝合金压铸件 ${id}`,
    description: '新能源汽车壳体', category: 'C367', categoryName: '汽车零部件及配件制造', keywords: ['压铸', '壳体'],
    region: '安徽省合肥市', quantity: '5 万件', amountMinFen: 10_000_000, amountMaxFen: 50_000_000,
    validUntil: '2027-03-31T15:59:59Z', status: 'ACTIVE', active: true, createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z', attachments: [], ...over,
  };
}
