import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { OrganiserPage } from './OrganiserPage';

describe('OrganiserPage', () => {
  it('leads to the live dashboard and every workspace an organiser runs, fairs included', () => {
    renderWithAuth(<OrganiserPage />, makeUser(['ORGANISER']));
    expect(screen.getByTestId('link-dashboard').getAttribute('href')).toBe('/organiser/dashboard');
    expect(screen.queryByText('即将上线')).toBeNull();
    expect(screen.getByTestId('link-onboarding').getAttribute('href')).toBe('/organiser/applications');
    expect(screen.getByTestId('link-training').getAttribute('href')).toBe('/organiser/training');
    expect(screen.getByTestId('link-courses').getAttribute('href')).toBe('/organiser/courses');
    expect(screen.getByTestId('link-fairs').getAttribute('href')).toBe('/organiser/fairs');
  });
});
