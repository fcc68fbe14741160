import type { MyRegistration, RegistrationForm, RegistrationRow, RegistrationSettings, RegistrationStatus } from '../../../api/trainingRegistration';

export const form = (over: Partial<RegistrationForm> = {}): RegistrationForm => ({
  seriesId: 5,
  mode: 'CAPACITY',
  capacity: 3000,
  confirmed: 12,
  waiting: 0,
  company: 'REQUIRED',
  jobTitle: 'OFF',
  phone: 'REQUIRED',
  deadline: null,
  open: true,
  closedReason: null,
  ...over,
});

export const mine = (over: Partial<MyRegistration> = {}): MyRegistration => ({
  id: 9,
  seriesId: 5,
  seriesTitle: '宁夏中小企业高质量发展系列培训',
  state: 'CONFIRMED',
  stateLabel: '已报名',
  position: null,
  reason: null,
  company: '宁夏示范企业',
  jobTitle: null,
  phone: '13812341234',
  registeredAt: '2026-12-07T02:00:00Z',
  decidedAt: null,
  ...over,
});

export const status = (f: Partial<RegistrationForm> = {}, r: MyRegistration | null = null): RegistrationStatus => ({
  form: form(f),
  registration: r,
});

export const row = (id: number, over: Partial<RegistrationRow> = {}): RegistrationRow => ({
  id,
  userId: 100 + id,
  name: `学员${id}`,
  state: 'PENDING',
  stateLabel: '待审核',
  position: null,
  company: '示范企业',
  jobTitle: null,
  phone: '139****5678',
  reason: null,
  registeredAt: '2026-12-07T02:00:00Z',
  decidedAt: null,
  ...over,
});

export const settings = (over: Partial<RegistrationSettings> = {}): RegistrationSettings => ({
  seriesId: 5,
  mode: 'APPROVAL',
  capacity: null,
  company: 'REQUIRED',
  jobTitle: 'OPTIONAL',
  phone: 'OFF',
  reminderOffsets: [1440, 30],
  deadline: null,
  counts: { CONFIRMED: 1, WAITLISTED: 0, PENDING: 2, REJECTED: 0, CANCELLED: 0 },
  ...over,
});
