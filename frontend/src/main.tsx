import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './App';
import { AuthProvider } from './auth/AuthProvider';
import './styles/base.css';
import './styles/buttons.css';
import './styles/header.css';
import './styles/connection-badge.css';
import './styles/forms.css';
import './styles/home.css';
import './styles/pages.css';
import './styles/admin.css';
import './styles/merchant.css';
import './styles/onboarding-review.css';
import './styles/live.css';
import './styles/schedule.css';
import './styles/like.css';
import './styles/toast.css';
import './styles/notifications.css';
import './styles/share.css';
import './styles/catalogue.css';
import './styles/product-monogram.css';
import './styles/orders.css';
import './styles/dialog.css';
import './styles/buy-sheet.css';
import './styles/training.css';
import './styles/replay.css';
import './styles/training-registration.css';
import './styles/fair-pipeline.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  </StrictMode>,
);
