import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { seriesDetail } from '../../training/testData';
import { parseTags, SeriesForm } from './SeriesForm';

const organiser = makeUser(['ORGANISER'], { id: 2 });

describe('SeriesForm', () => {
  it('splits tags on commas, 、 and spaces', () => {
    expect(parseTags(' 专精特新，政策解读、宁夏  专精特新,')).toEqual(['专精特新', '政策解读', '宁夏']);
  });

  it('checks the title first, then creates the series with its tags', async () => {
    const onCreated = vi.fn();
    const bodies: unknown[] = [];
    renderWithAuth(<SeriesForm onSaved={onCreated} />, organiser, '/', async (_input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json(seriesDetail({ id: 77 }), { status: 201 });
    });
    fireEvent.click(screen.getByTestId('series-submit'));
    expect(screen.getByTestId('error-series-title').textContent).toBe('请填写系列名称');
    expect(bodies).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('系列名称'), { target: { value: ' 宁夏系列 ' } });
    fireEvent.change(screen.getByLabelText(/面向对象/), { target: { value: '企业负责人' } });
    fireEvent.change(screen.getByLabelText(/标签/), { target: { value: '专精特新，宁夏' } });
    fireEvent.click(screen.getByTestId('series-submit'));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 77 })));
    expect(bodies[0]).toEqual({ title: '宁夏系列', audience: '企业负责人', tags: ['专精特新', '宁夏'], coverFileId: null });
  });

  it('shows the server field errors under their fields and the message under the button', async () => {
    renderWithAuth(<SeriesForm onSaved={vi.fn()} />, organiser, '/', async () =>
      Response.json({ type: 'https://livehall.io/problems/validation', title: 'Bad Request', status: 400, detail: '请求参数有误',
        errors: [{ field: 'tags[0]', message: '不能包含控制字符' }] }, { status: 400, headers: { 'content-type': 'application/problem+json' } }),
    );
    fireEvent.change(screen.getByLabelText('系列名称'), { target: { value: '系列' } });
    fireEvent.change(screen.getByLabelText(/标签/), { target: { value: '坏标签' } });
    fireEvent.click(screen.getByTestId('series-submit'));
    await waitFor(() => expect(screen.getByTestId('error-series-tags').textContent).toBe('不能包含控制字符'));
    const form = screen.getByTestId('series-form');
    expect(form.lastElementChild?.textContent).toBe('请求参数有误');
  });

  it('uploads a cover picture and sends its id', async () => {
    const onSaved = vi.fn();
    const bodies: unknown[] = [];
    renderWithAuth(<SeriesForm onSaved={onSaved} />, organiser, '/', async (input, init) => {
      if (String(input) === '/api/files') {
        expect((init?.body as FormData).get('purpose')).toBe('IMAGE');
        return Response.json({ id: 44, ownerId: 2, purpose: 'IMAGE', originalName: 'c.png', contentType: 'image/png',
          sizeBytes: 10, sha256: 'x', createdAt: '2026-12-01T00:00:00Z' }, { status: 201 });
      }
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json(seriesDetail({ id: 78, coverFileId: 44 }), { status: 201 });
    });
    fireEvent.change(screen.getByLabelText('系列名称'), { target: { value: '有封面' } });
    fireEvent.change(screen.getByTestId('cover-input'), { target: { files: [new File(['x'], 'c.png', { type: 'image/png' })] } });
    await waitFor(() => expect(screen.getByTestId('cover-preview').getAttribute('src')).toBe('/api/files/44'));
    fireEvent.click(screen.getByTestId('series-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(bodies[0]).toEqual({ title: '有封面', audience: '', tags: [], coverFileId: 44 });
  });
});
