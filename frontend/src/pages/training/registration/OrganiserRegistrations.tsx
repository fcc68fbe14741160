import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { registrationApi } from '../../../api/trainingRegistration';
import type { RegistrationSettings } from '../../../api/trainingRegistration';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { RegistrationList } from './RegistrationList';
import { RegistrationSettingsForm } from './RegistrationSettingsForm';

/** The registration part of the organiser's series page: counts, settings, the list, the CSV export. */
export function OrganiserRegistrations({ seriesId }: { seriesId: number }) {
  const [settings, setSettings] = useState<RegistrationSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [toast, showToast] = useToast();

  const load = useCallback(
    (signal?: AbortSignal) =>
      registrationApi.settings(seriesId, signal).then(setSettings).catch((e: unknown) => {
        if (!signal?.aborted) setError(isApiError(e) ? e.detail : '报名信息加载失败');
      }),
    [seriesId],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  const exportCsv = async () => {
    try {
      await registrationApi.exportCsv(seriesId);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '导出失败');
    }
  };

  const c = settings?.counts;
  return (
    <section className="organiser-registrations" data-testid="organiser-registrations">
      <h2>报名</h2>
      <FormAlert message={error} />
      {settings && c && (
        <>
          <p data-testid="registration-summary">
            已报名 <strong>{c.CONFIRMED}</strong>
            {settings.capacity !== null && <> / {settings.capacity}</>} 人
            {c.WAITLISTED > 0 && <> · 候补 {c.WAITLISTED} 人</>}
            {c.PENDING > 0 && <> · 待审核 {c.PENDING} 人</>}
          </p>
          <p className="room-actions">
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing((v) => !v)} data-testid="registration-settings-toggle">
              {editing ? '收起设置' : '报名设置'}
            </button>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => void exportCsv()} data-testid="registration-export">
              导出 CSV
            </button>
          </p>
          {editing && (
            <RegistrationSettingsForm
              settings={settings}
              onSaved={(s) => {
                setSettings(s);
                setEditing(false);
                setVersion((v) => v + 1);
                showToast('报名设置已保存');
              }}
            />
          )}
          <RegistrationList seriesId={seriesId} version={version} onChanged={() => { void load(); setVersion((v) => v + 1); }} />
        </>
      )}
      <Toast message={toast} />
    </section>
  );
}
