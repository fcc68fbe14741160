-- Local profile demo registration (RegistrationDemoData runs it once the training demo series exist; every statement
-- keeps what is there): the Ningxia series takes 3000 with company and phone asked, the Guangxi training is approved
-- by the organiser; the demo viewer is registered for Ningxia, the demo merchant waits for approval in Guangxi.
insert into training_registration_settings (series_id, mode, capacity, ask_company, ask_job_title, ask_phone)
select id, 'CAPACITY', 3000, 'REQUIRED', 'OPTIONAL', 'REQUIRED' from training_series where title = '宁夏中小企业高质量发展系列培训'
on conflict (series_id) do nothing;

insert into training_registration_settings (series_id, mode, capacity, ask_company, ask_job_title, ask_phone)
select id, 'APPROVAL', null, 'REQUIRED', 'OPTIONAL', 'OFF' from training_series where title = '广西惠企政策直播培训'
on conflict (series_id) do nothing;

insert into training_registration (series_id, user_id, state, company, job_title, phone, queued_at)
select s.id, u.id, 'CONFIRMED', '宁夏示范企业有限公司', '财务经理', '13800001234', now() - interval '2 days'
  from training_series s, app_user u where s.title = '宁夏中小企业高质量发展系列培训' and u.username = 'viewer'
on conflict (series_id, user_id) do nothing;

insert into training_registration (series_id, user_id, state, company, job_title, queued_at)
select s.id, u.id, 'PENDING', '陕西东裕生态农业科技有限公司', '总经理', now() - interval '1 day'
  from training_series s, app_user u where s.title = '广西惠企政策直播培训' and u.username = 'merchant'
on conflict (series_id, user_id) do nothing;
