import { describe, expect, it } from 'vitest';
import type { Product } from '../../../api/catalogue';
import { emptyProductForm, formFromProduct, imageFileProblem, toProductRequest, validateProductForm } from './productForm';
import type { ProductForm } from './productForm';

const valid = (): ProductForm => ({
  ...emptyProductForm(),
  name: ' 东裕茗茶 ',
  category: 'FAMOUS_QUALITY',
  region: '汉中市',
  price: '99.9',
  stock: '120',
  channels: ['LIVE_ECOMMERCE'],
  images: [{ fileId: 3, url: '/api/files/3' }],
});

describe('product form', () => {
  it('names every missing required field with the API field names', () => {
    expect(validateProductForm(emptyProductForm())).toEqual({
      name: '请填写商品名称',
      category: '请选择品类',
      region: '请选择产地',
      priceFen: '请填写价格',
      stock: '请填写库存',
    });
    expect(validateProductForm(valid())).toEqual({});
  });

  it('checks price, stock, region, lengths and image count', () => {
    const check = (patch: Partial<ProductForm>) => validateProductForm({ ...valid(), ...patch });
    expect(check({ price: '0' }).priceFen).toBe('价格须大于 0');
    expect(check({ price: '1.999' }).priceFen).toBe('价格请填写数字，最多两位小数');
    expect(check({ price: '10000001' }).priceFen).toBe('价格不能超过 1000 万元');
    expect(check({ stock: '-1' }).stock).toBe('库存须为不小于 0 的整数');
    expect(check({ stock: '2.5' }).stock).toBe('库存须为不小于 0 的整数');
    expect(check({ stock: '0' }).stock).toBeUndefined();
    expect(check({ region: '北京市' }).region).toBe('产地须为陕西省的地级市或杨凌示范区');
    expect(check({ name: '茶'.repeat(101) }).name).toBe('商品名称不能超过 100 个字');
    expect(check({ description: '字'.repeat(5001) }).description).toBe('商品介绍不能超过 5000 个字');
    const ten = Array.from({ length: 10 }, (_, i) => ({ fileId: i, url: `/api/files/${i}` }));
    expect(check({ images: ten }).imageIds).toBe('最多 9 张图片');
  });

  it('builds the request in fen with image ids in order, and the version only when editing', () => {
    const form = { ...valid(), images: [{ fileId: 9, url: '' }, { fileId: 3, url: '' }] };
    expect(toProductRequest(form)).toEqual({
      name: '东裕茗茶',
      category: 'FAMOUS_QUALITY',
      region: '汉中市',
      description: '',
      priceFen: 9990,
      stock: 120,
      channels: ['LIVE_ECOMMERCE'],
      imageIds: [9, 3],
    });
    expect(toProductRequest(form, 4).version).toBe(4);
  });

  it('loads a product back into the form', () => {
    const product = { name: '西凤酒', category: 'FAMOUS_QUALITY', region: '宝鸡市', description: '凤香型', priceFen: 16850,
      stock: 5, channels: ['CHANNEL_EXPORT'], images: [{ fileId: 1, url: '/api/files/1' }] } as Product;
    expect(formFromProduct(product)).toEqual({ name: '西凤酒', category: 'FAMOUS_QUALITY', region: '宝鸡市',
      description: '凤香型', price: '168.5', stock: '5', channels: ['CHANNEL_EXPORT'],
      images: [{ fileId: 1, url: '/api/files/1' }] });
  });

  it('refuses files the server would refuse before uploading them', () => {
    expect(imageFileProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(imageFileProblem({ type: 'image/gif', size: 1000 })).toBe('只支持 JPEG、PNG、WebP 图片');
    expect(imageFileProblem({ type: 'image/jpeg', size: 5 * 1024 * 1024 + 1 })).toBe('图片不能超过 5MB');
  });
});
