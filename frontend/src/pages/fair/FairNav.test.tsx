import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { FairNav, fairTabs } from './FairNav';

describe('FairNav', () => {
  it('links every participant page of a fair, 路演 only at a roadshow, and marks the current one', () => {
    render(<MemoryRouter initialEntries={['/fairs/7/directory']}><FairNav fairId={7} kind="PROCUREMENT" /></MemoryRouter>);
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/fairs/7', '/fairs/7/register', '/fairs/7/directory',
      '/fairs/7/listings', '/fairs/7/matches', '/fairs/7/meetings', '/fairs/7/pipeline']);
    expect(screen.getByText('参会企业').className).toContain('active');
    expect(screen.getByText('主页').className).not.toContain('active');
    expect(fairTabs(7, false, 'ROADSHOW').map((t) => t.to)).toContain('/fairs/7/roadshow');
    expect(fairTabs(7, false).map((t) => t.to)).not.toContain('/fairs/7/roadshow');
  });

  it('links every organiser page', () => {
    expect(fairTabs(3, true).map((t) => t.to)).toEqual(['/organiser/fairs/3', '/organiser/fairs/3/directory',
      '/organiser/fairs/3/matches', '/organiser/fairs/3/slots', '/organiser/fairs/3/pipeline', '/organiser/fairs/kpi']);
  });
});
