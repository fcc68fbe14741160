import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ProductImage } from '../../../api/catalogue';
import { ImageUploader } from './ImageUploader';

const png = (name: string, size = 100) => new File([new Uint8Array(size)], name, { type: 'image/png' });

describe('ImageUploader', () => {
  it('uploads picked images as IMAGE files and appends them in order', async () => {
    let next = 10;
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      Response.json({ id: next++, contentType: 'image/png', sizeBytes: 100 }, { status: 201 }),
    );
    const onChange = vi.fn();
    const existing: ProductImage[] = [{ fileId: 3, url: '/api/files/3' }];
    render(<ImageUploader images={existing} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('image-input'), { target: { files: [png('a.png'), png('b.png')] } });
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange).toHaveBeenCalledWith([
      { fileId: 3, url: '/api/files/3' },
      { fileId: 10, url: '/api/files/10' },
      { fileId: 11, url: '/api/files/11' },
    ]);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/files');
    expect((init!.body as FormData).get('purpose')).toBe('IMAGE');
    expect(((init!.body as FormData).get('file') as File).name).toBe('a.png');
  });

  it('refuses wrong types, big files and more than nine images without uploading', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    const onChange = vi.fn();
    const { rerender } = render(<ImageUploader images={[]} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('image-input'), {
      target: { files: [new File(['x'], 'x.gif', { type: 'image/gif' })] },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('只支持 JPEG、PNG、WebP 图片');
    fireEvent.change(screen.getByTestId('image-input'), { target: { files: [png('big.png', 5 * 1024 * 1024 + 1)] } });
    expect((await screen.findByRole('alert')).textContent).toBe('图片不能超过 5MB');

    const eight = Array.from({ length: 8 }, (_, i) => ({ fileId: i, url: `/api/files/${i}` }));
    rerender(<ImageUploader images={eight} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('image-input'), { target: { files: [png('a.png'), png('b.png')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('最多 9 张图片，还能添加 1 张');
    expect(fetch).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reorders and removes images; the first is the cover', () => {
    const onChange = vi.fn();
    const images = [1, 2, 3].map((id) => ({ fileId: id, url: `/api/files/${id}` }));
    render(<ImageUploader images={images} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: '第 2 张左移' }));
    expect(onChange.mock.lastCall![0].map((i: ProductImage) => i.fileId)).toEqual([2, 1, 3]);
    fireEvent.click(screen.getByRole('button', { name: '删除第 3 张' }));
    expect(onChange.mock.lastCall![0].map((i: ProductImage) => i.fileId)).toEqual([1, 2]);
    expect((screen.getByRole('button', { name: '第 1 张左移' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
