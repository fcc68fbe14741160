// The merchant's product form: state, client-side checks mirroring the server's rules, and the request body.
import type { Product, ProductCategory, ProductImage, ProductRequest, SalesChannel } from '../../../api/catalogue';
import type { FieldErrors } from '../../../lib/validation';
import { REGIONS } from '../labels';
import { fenToYuanInput, yuanToFen } from '../price';

export const MAX_IMAGES = 9;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_PRICE_FEN = 1_000_000_000;
const MAX_STOCK = 10_000_000;

export interface ProductForm {
  name: string;
  category: ProductCategory | '';
  region: string;
  description: string;
  /** yuan, as typed */
  price: string;
  stock: string;
  channels: SalesChannel[];
  images: ProductImage[];
}

export const emptyProductForm = (): ProductForm => ({
  name: '',
  category: '',
  region: '',
  description: '',
  price: '',
  stock: '',
  channels: [],
  images: [],
});

export function formFromProduct(p: Product): ProductForm {
  return {
    name: p.name,
    category: p.category,
    region: p.region,
    description: p.description,
    price: fenToYuanInput(p.priceFen),
    stock: String(p.stock),
    channels: [...p.channels],
    images: [...p.images],
  };
}

/** Errors keyed by the API's field names (priceFen, imageIds, …) so server errors land on the same fields. */
export function validateProductForm(f: ProductForm): FieldErrors {
  const e: FieldErrors = {};
  const name = f.name.trim();
  if (!name) e.name = '请填写商品名称';
  else if (name.length > 100) e.name = '商品名称不能超过 100 个字';
  if (!f.category) e.category = '请选择品类';
  if (!f.region) e.region = '请选择产地';
  else if (!(REGIONS as readonly string[]).includes(f.region)) e.region = '产地须为陕西省的地级市或杨凌示范区';
  if (f.description.trim().length > 5000) e.description = '商品介绍不能超过 5000 个字';
  const fen = yuanToFen(f.price);
  if (!f.price.trim()) e.priceFen = '请填写价格';
  else if (fen === null) e.priceFen = '价格请填写数字，最多两位小数';
  else if (fen <= 0) e.priceFen = '价格须大于 0';
  else if (fen > MAX_PRICE_FEN) e.priceFen = '价格不能超过 1000 万元';
  const stock = f.stock.trim();
  if (!stock) e.stock = '请填写库存';
  else if (!/^\d+$/.test(stock)) e.stock = '库存须为不小于 0 的整数';
  else if (Number(stock) > MAX_STOCK) e.stock = '库存不能超过 1000 万件';
  if (f.images.length > MAX_IMAGES) e.imageIds = `最多 ${MAX_IMAGES} 张图片`;
  return e;
}

/** The problem with a picked file before uploading it, or null. */
export function imageFileProblem(file: { type: string; size: number }): string | null {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return '只支持 JPEG、PNG、WebP 图片';
  if (file.size > MAX_IMAGE_BYTES) return '图片不能超过 5MB';
  return null;
}

/** Call only with a form that passed validateProductForm. */
export function toProductRequest(f: ProductForm, version?: number): ProductRequest {
  return {
    name: f.name.trim(),
    category: f.category as ProductCategory,
    region: f.region,
    description: f.description.trim(),
    priceFen: yuanToFen(f.price)!,
    stock: Number(f.stock.trim()),
    channels: f.channels,
    imageIds: f.images.map((i) => i.fileId),
    ...(version !== undefined ? { version } : {}),
  };
}
