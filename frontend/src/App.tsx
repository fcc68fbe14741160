import { Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { AdminUsersPage } from './pages/admin/AdminUsersPage';
import { CataloguePage } from './pages/catalogue/CataloguePage';
import { MerchantProductsPage } from './pages/catalogue/merchant/MerchantProductsPage';
import { ProductEditorPage } from './pages/catalogue/merchant/ProductEditorPage';
import { ProductPage } from './pages/catalogue/ProductPage';
import { LoginPage } from './pages/auth/LoginPage';
import { RegisterPage } from './pages/auth/RegisterPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { FairPage } from './pages/fair/FairPage';
import { HomePage } from './pages/home/HomePage';
import { LiveListPage } from './pages/live/LiveListPage';
import { LiveRoomPage } from './pages/live/LiveRoomPage';
import { MePage } from './pages/me/MePage';
import { ApplyPage } from './pages/merchant/ApplyPage';
import { MerchantLiveConsolePage } from './pages/merchant/live/MerchantLiveConsolePage';
import { MerchantLiveListPage } from './pages/merchant/live/MerchantLiveListPage';
import { MerchantPage } from './pages/merchant/MerchantPage';
import { OnboardingReviewPage } from './pages/organiser/OnboardingReviewPage';
import { MerchantOrdersPage } from './pages/merchant/MerchantOrdersPage';
import { MyOrdersPage } from './pages/orders/MyOrdersPage';
import { OrderDetailPage } from './pages/orders/OrderDetailPage';
import { MerchantQuotesPage } from './pages/quotes/MerchantQuotesPage';
import { QuotesPage } from './pages/quotes/QuotesPage';
import { OrganiserPage } from './pages/organiser/OrganiserPage';
import { ManageSeriesPage } from './pages/organiser/training/ManageSeriesPage';
import { TrainingManagePage } from './pages/organiser/training/TrainingManagePage';
import { MyRegistrationsPage } from './pages/training/registration/MyRegistrationsPage';
import { SeriesPage } from './pages/training/SeriesPage';
import { SessionPage } from './pages/training/SessionPage';
import { ReplayManagePage } from './pages/training/replay/ReplayManagePage';
import { TrainingPage } from './pages/training/TrainingPage';
import { SessionAttendancePage } from './pages/training/attendance/SessionAttendancePage';
import { VerifyCertificatePage } from './pages/training/attendance/VerifyCertificatePage';
import { TrainingConsolePage } from './pages/training/room/TrainingConsolePage';
import { CourseEditorPage } from './pages/training/course/CourseEditorPage';
import { CourseLibraryPage } from './pages/training/course/CourseLibraryPage';
import { CoursePage } from './pages/training/course/CoursePage';
import { MyLearningPage } from './pages/training/course/MyLearningPage';
import { OrganiserCoursesPage } from './pages/training/course/OrganiserCoursesPage';

/** All client routes. The server falls back to index.html for these paths. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="me" element={<RequireAuth><MePage /></RequireAuth>} />
        <Route path="me/registrations" element={<RequireAuth><MyRegistrationsPage /></RequireAuth>} />
        <Route path="admin/users" element={<RequireAuth role="ADMIN"><AdminUsersPage /></RequireAuth>} />
        <Route path="live" element={<LiveListPage />} />
        <Route path="live/:id" element={<LiveRoomPage />} />
        <Route path="products" element={<CataloguePage />} />
        <Route path="products/:id" element={<ProductPage />} />
        <Route path="merchant/products" element={<RequireAuth role="MERCHANT"><MerchantProductsPage /></RequireAuth>} />
        <Route path="merchant/products/new" element={<RequireAuth role="MERCHANT"><ProductEditorPage /></RequireAuth>} />
        <Route path="merchant/products/:id/edit" element={<RequireAuth role="MERCHANT"><ProductEditorPage /></RequireAuth>} />
        <Route path="training" element={<TrainingPage />} />
        <Route path="training/series/:id" element={<SeriesPage />} />
        <Route path="training/sessions/:id" element={<SessionPage />} />
        <Route path="verify/:code" element={<VerifyCertificatePage />} />
        <Route path="courses" element={<CourseLibraryPage />} />
        <Route path="courses/:id" element={<CoursePage />} />
        <Route path="me/learning" element={<RequireAuth><MyLearningPage /></RequireAuth>} />
        <Route path="organiser/courses" element={<RequireAuth role="ORGANISER"><OrganiserCoursesPage /></RequireAuth>} />
        <Route path="organiser/courses/:id" element={<RequireAuth role="ORGANISER"><CourseEditorPage /></RequireAuth>} />
        <Route path="fair" element={<FairPage />} />
        <Route path="apply" element={<RequireAuth><ApplyPage /></RequireAuth>} />
        <Route path="merchant" element={<RequireAuth role="MERCHANT"><MerchantPage /></RequireAuth>} />
        <Route path="merchant/live" element={<RequireAuth role="MERCHANT"><MerchantLiveListPage /></RequireAuth>} />
        <Route path="merchant/live/:id" element={<RequireAuth role="MERCHANT"><MerchantLiveConsolePage /></RequireAuth>} />
        <Route path="orders" element={<RequireAuth><MyOrdersPage /></RequireAuth>} />
        <Route path="orders/:id" element={<RequireAuth><OrderDetailPage /></RequireAuth>} />
        <Route path="quotes" element={<RequireAuth><QuotesPage /></RequireAuth>} />
        <Route path="merchant/orders" element={<RequireAuth role="MERCHANT"><MerchantOrdersPage /></RequireAuth>} />
        <Route path="merchant/quotes" element={<RequireAuth role="MERCHANT"><MerchantQuotesPage /></RequireAuth>} />
        <Route path="organiser" element={<RequireAuth role="ORGANISER"><OrganiserPage /></RequireAuth>} />
        <Route path="organiser/applications" element={<RequireAuth role="ORGANISER"><OnboardingReviewPage /></RequireAuth>} />
        <Route path="organiser/training" element={<RequireAuth role="ORGANISER"><TrainingManagePage /></RequireAuth>} />
        <Route path="organiser/training/series/:id" element={<RequireAuth role="ORGANISER"><ManageSeriesPage /></RequireAuth>} />
        <Route path="organiser/training/sessions/:id/attendance" element={<RequireAuth role="ORGANISER"><SessionAttendancePage /></RequireAuth>} />
        <Route path="organiser/training/sessions/:id/replay" element={<RequireAuth role="ORGANISER"><ReplayManagePage /></RequireAuth>} />
        <Route path="organiser/training/sessions/:id/console" element={<RequireAuth role="ORGANISER"><TrainingConsolePage /></RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
