import { lazy } from 'react';
import type { ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/Layout';
import { RequireAuth } from './components/RequireAuth';
import { CataloguePage } from './pages/catalogue/CataloguePage';
import { ProductPage } from './pages/catalogue/ProductPage';
import { LoginPage } from './pages/auth/LoginPage';
import { RegisterPage } from './pages/auth/RegisterPage';
import { NotFoundPage } from './pages/errors/NotFoundPage';
import { FairDirectoryPage } from './pages/fair/screening/FairDirectoryPage';
import { FairHomePage } from './pages/fair/screening/FairHomePage';
import { FairListPage } from './pages/fair/screening/FairListPage';
import { FairRegisterPage } from './pages/fair/screening/FairRegisterPage';
import { MyPipelinePage } from './pages/fair/pipeline/MyPipelinePage';
import { HomePage } from './pages/home/HomePage';
import { LiveListPage } from './pages/live/LiveListPage';
import { LiveRoomPage } from './pages/live/LiveRoomPage';
import { MePage } from './pages/me/MePage';
import { ApplyPage } from './pages/merchant/ApplyPage';
import { MyOrdersPage } from './pages/orders/MyOrdersPage';
import { OrderDetailPage } from './pages/orders/OrderDetailPage';
import { QuotesPage } from './pages/quotes/QuotesPage';
import { MyRegistrationsPage } from './pages/training/registration/MyRegistrationsPage';
import { SeriesPage } from './pages/training/SeriesPage';
import { SessionPage } from './pages/training/SessionPage';
import { TrainingPage } from './pages/training/TrainingPage';
import { VerifyCertificatePage } from './pages/training/attendance/VerifyCertificatePage';
import { CourseLibraryPage } from './pages/training/course/CourseLibraryPage';
import { CoursePage } from './pages/training/course/CoursePage';
import { MyLearningPage } from './pages/training/course/MyLearningPage';

/**
 * A page loaded on first use: the staff areas (merchant, organiser, admin) are split from the bundle a viewer's phone
 * downloads for the live room, the catalogue and trainings.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const AdminUsersPage = lazyPage(() => import('./pages/admin/AdminUsersPage'), 'AdminUsersPage');
const MerchantProductsPage = lazyPage(() => import('./pages/catalogue/merchant/MerchantProductsPage'), 'MerchantProductsPage');
const ProductEditorPage = lazyPage(() => import('./pages/catalogue/merchant/ProductEditorPage'), 'ProductEditorPage');
const MerchantLiveConsolePage = lazyPage(() => import('./pages/merchant/live/MerchantLiveConsolePage'), 'MerchantLiveConsolePage');
const MerchantLiveListPage = lazyPage(() => import('./pages/merchant/live/MerchantLiveListPage'), 'MerchantLiveListPage');
const MerchantPage = lazyPage(() => import('./pages/merchant/MerchantPage'), 'MerchantPage');
const OnboardingReviewPage = lazyPage(() => import('./pages/organiser/OnboardingReviewPage'), 'OnboardingReviewPage');
const MerchantOrdersPage = lazyPage(() => import('./pages/merchant/MerchantOrdersPage'), 'MerchantOrdersPage');
const MerchantQuotesPage = lazyPage(() => import('./pages/quotes/MerchantQuotesPage'), 'MerchantQuotesPage');
const OrganiserPage = lazyPage(() => import('./pages/organiser/OrganiserPage'), 'OrganiserPage');
const ManageSeriesPage = lazyPage(() => import('./pages/organiser/training/ManageSeriesPage'), 'ManageSeriesPage');
const TrainingManagePage = lazyPage(() => import('./pages/organiser/training/TrainingManagePage'), 'TrainingManagePage');
const ReplayManagePage = lazyPage(() => import('./pages/training/replay/ReplayManagePage'), 'ReplayManagePage');
const SessionAttendancePage = lazyPage(() => import('./pages/training/attendance/SessionAttendancePage'), 'SessionAttendancePage');
const TrainingConsolePage = lazyPage(() => import('./pages/training/room/TrainingConsolePage'), 'TrainingConsolePage');
const CourseEditorPage = lazyPage(() => import('./pages/training/course/CourseEditorPage'), 'CourseEditorPage');
const OrganiserMatchesPage = lazyPage(() => import('./pages/fair/matching/OrganiserMatchesPage'), 'OrganiserMatchesPage');
const FairMatchesPage = lazyPage(() => import('./pages/fair/matching/FairMatchesPage'), 'FairMatchesPage');
const OrganiserCoursesPage = lazyPage(() => import('./pages/training/course/OrganiserCoursesPage'), 'OrganiserCoursesPage');
const OrganiserFairsPage = lazyPage(() => import('./pages/fair/screening/OrganiserFairsPage'), 'OrganiserFairsPage');
const OrganiserFairPage = lazyPage(() => import('./pages/fair/screening/OrganiserFairPage'), 'OrganiserFairPage');
// fair listings (h3): the listing pages are for enterprises and organisers only, the directory page is rarely opened
const MyListingsPage = lazyPage(() => import('./pages/fair/listing/MyListingsPage'), 'MyListingsPage');
const FairListingsPage = lazyPage(() => import('./pages/fair/listing/FairListingsPage'), 'FairListingsPage');
const OrganiserDirectoryPage = lazyPage(() => import('./pages/fair/directory/OrganiserDirectoryPage'), 'OrganiserDirectoryPage');
const DirectoryPage = lazyPage(() => import('./pages/fair/directory/DirectoryPage'), 'DirectoryPage');
const OrganiserPipelinePage = lazyPage(() => import('./pages/fair/pipeline/OrganiserPipelinePage'), 'OrganiserPipelinePage');
const FairKpiPage = lazyPage(() => import('./pages/fair/pipeline/FairKpiPage'), 'FairKpiPage');
const MeetingsPage = lazyPage(() => import('./pages/fair/meeting/MeetingsPage'), 'MeetingsPage');
const RoadshowPage = lazyPage(() => import('./pages/fair/meeting/RoadshowPage'), 'RoadshowPage');
// the organisers' live dashboard (issue 15): its ECharts slice is loaded with it, never by the viewer's bundle
const DashboardPage = lazyPage(() => import('./pages/dashboard/DashboardPage'), 'DashboardPage');
const DashboardReportPage = lazyPage(() => import('./pages/dashboard/DashboardReportPage'), 'DashboardReportPage');
const SlotsBoardPage = lazyPage(() => import('./pages/fair/meeting/SlotsBoardPage'), 'SlotsBoardPage');

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
        <Route path="fair" element={<Navigate to="/fairs" replace />} />
        <Route path="fairs" element={<FairListPage />} />
        <Route path="fairs/:id" element={<FairHomePage />} />
        <Route path="fairs/:id/register" element={<RequireAuth><FairRegisterPage /></RequireAuth>} />
        <Route path="fairs/:id/directory" element={<RequireAuth><FairDirectoryPage /></RequireAuth>} />
        <Route path="organiser/fairs" element={<RequireAuth role="ORGANISER"><OrganiserFairsPage /></RequireAuth>} />
        <Route path="organiser/fairs/:id" element={<RequireAuth role="ORGANISER"><OrganiserFairPage /></RequireAuth>} />
        <Route path="fairs/:id/pipeline" element={<RequireAuth><MyPipelinePage /></RequireAuth>} />
        <Route path="organiser/fairs/kpi" element={<RequireAuth role="ORGANISER"><FairKpiPage /></RequireAuth>} />
        <Route path="organiser/fairs/:id/pipeline" element={<RequireAuth role="ORGANISER"><OrganiserPipelinePage /></RequireAuth>} />
        <Route path="fairs/:id/meetings" element={<RequireAuth><MeetingsPage /></RequireAuth>} />
        <Route path="fairs/:id/roadshow" element={<RequireAuth><RoadshowPage /></RequireAuth>} />
        <Route path="organiser/fairs/:id/slots" element={<RequireAuth role="ORGANISER"><SlotsBoardPage /></RequireAuth>} />
        <Route path="fairs/:id/matches" element={<RequireAuth><FairMatchesPage /></RequireAuth>} />
        <Route path="organiser/fairs/:id/matches" element={<RequireAuth role="ORGANISER"><OrganiserMatchesPage /></RequireAuth>} />
        <Route path="apply" element={<RequireAuth><ApplyPage /></RequireAuth>} />
        <Route path="merchant" element={<RequireAuth role="MERCHANT"><MerchantPage /></RequireAuth>} />
        <Route path="merchant/live" element={<RequireAuth role="MERCHANT"><MerchantLiveListPage /></RequireAuth>} />
        <Route path="merchant/live/:id" element={<RequireAuth role="MERCHANT"><MerchantLiveConsolePage /></RequireAuth>} />
        <Route path="orders" element={<RequireAuth><MyOrdersPage /></RequireAuth>} />
        <Route path="orders/:id" element={<RequireAuth><OrderDetailPage /></RequireAuth>} />
        <Route path="quotes" element={<RequireAuth><QuotesPage /></RequireAuth>} />
        <Route path="merchant/orders" element={<RequireAuth role="MERCHANT"><MerchantOrdersPage /></RequireAuth>} />
        <Route path="merchant/quotes" element={<RequireAuth role="MERCHANT"><MerchantQuotesPage /></RequireAuth>} />
        <Route path="merchant/dashboard" element={<RequireAuth role="MERCHANT"><DashboardPage /></RequireAuth>} />
        <Route path="merchant/dashboard/report" element={<RequireAuth role="MERCHANT"><DashboardReportPage /></RequireAuth>} />
        <Route path="organiser" element={<RequireAuth role="ORGANISER"><OrganiserPage /></RequireAuth>} />
        <Route path="organiser/dashboard" element={<RequireAuth role="ORGANISER"><DashboardPage /></RequireAuth>} />
        <Route path="organiser/dashboard/report" element={<RequireAuth role="ORGANISER"><DashboardReportPage /></RequireAuth>} />
        <Route path="organiser/applications" element={<RequireAuth role="ORGANISER"><OnboardingReviewPage /></RequireAuth>} />
        <Route path="organiser/training" element={<RequireAuth role="ORGANISER"><TrainingManagePage /></RequireAuth>} />
        <Route path="organiser/training/series/:id" element={<RequireAuth role="ORGANISER"><ManageSeriesPage /></RequireAuth>} />
        <Route path="organiser/training/sessions/:id/attendance" element={<RequireAuth role="ORGANISER"><SessionAttendancePage /></RequireAuth>} />
        <Route path="organiser/training/sessions/:id/replay" element={<RequireAuth role="ORGANISER"><ReplayManagePage /></RequireAuth>} />
        <Route path="organiser/training/sessions/:id/console" element={<RequireAuth role="ORGANISER"><TrainingConsolePage /></RequireAuth>} />
        <Route path="me/listings" element={<RequireAuth><MyListingsPage /></RequireAuth>} />
        <Route path="fairs/:id/listings" element={<RequireAuth><FairListingsPage /></RequireAuth>} />
        <Route path="organiser/fairs/:id/directory" element={<RequireAuth role="ORGANISER"><OrganiserDirectoryPage /></RequireAuth>} />
        <Route path="fair-directories/:id" element={<DirectoryPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
