import type { ProductCategory, ProductStatus, SalesChannel } from '../../api/catalogue';

export const CATEGORY_LABELS: Record<ProductCategory, string> = {
  FAMOUS_QUALITY: '名优新特',
  CULTURAL_CREATIVE: '文创',
  INTANGIBLE_HERITAGE: '非遗',
  TOURISM_SOUVENIR: '旅游纪念品',
};
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as ProductCategory[];

export const CHANNEL_LABELS: Record<SalesChannel, string> = {
  OFFLINE_EXHIBITION: '线下展销',
  COMMUNITY_GROUP_BUY: '社区团购',
  SOCIAL_DISTRIBUTION: '社群分销',
  LIVE_ECOMMERCE: '电商直播',
  CHANNEL_EXPORT: '渠道输出',
};
export const CHANNELS = Object.keys(CHANNEL_LABELS) as SalesChannel[];

/** The fixed list the server accepts: Shaanxi's prefecture-level cities and the Yangling zone. */
export const REGIONS = [
  '西安市',
  '宝鸡市',
  '咸阳市',
  '铜川市',
  '渭南市',
  '延安市',
  '榆林市',
  '汉中市',
  '安康市',
  '商洛市',
  '杨凌示范区',
] as const;

export const STATUS_LABELS: Record<ProductStatus, string> = {
  DRAFT: '草稿',
  ON_SALE: '在售',
  OFF_SHELF: '已下架',
};
