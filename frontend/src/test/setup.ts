import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { reloadSession } from '../auth/session';

afterEach(() => {
  cleanup();
  localStorage.clear();
  reloadSession();
});
