import { useCallback, useEffect, useState } from 'react';
import { roundsApi } from '../../api/merchant';
import type { SelectionRound } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { AgreementPublisher } from './AgreementPublisher';
import { ApplicationsPanel } from './ApplicationsPanel';
import { MerchantsPanel } from './MerchantsPanel';
import { RoundsPanel } from './RoundsPanel';

type Tab = 'review' | 'agreements' | 'merchants';
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'review', label: '入驻审核' },
  { value: 'agreements', label: '协议管理' },
  { value: 'merchants', label: '商家管理' },
];

/** Organisers: selection rounds and their quotas, application review, agreements, merchants. */
export function OnboardingReviewPage() {
  usePageTitle('入驻审核');
  const [tab, setTab] = useState<Tab>('review');
  const [rounds, setRounds] = useState<SelectionRound[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadRounds = useCallback(async () => {
    try {
      const list = await roundsApi.list();
      setRounds(list);
      setSelectedId((id) => id ?? list.find((r) => r.open)?.id ?? list[0]?.id ?? null);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '加载失败');
    }
  }, []);

  useEffect(() => {
    void loadRounds();
  }, [loadRounds]);

  const selected = rounds.find((r) => r.id === selectedId) ?? null;

  return (
    <section className="container page organiser-onboarding" data-testid="onboarding-review">
      <h1>入驻管理</h1>
      <div className="filter-tabs" role="tablist" aria-label="入驻管理">
        {TABS.map((t) => (
          <button key={t.value} type="button" role="tab" aria-selected={tab === t.value}
            className={`btn btn-sm ${tab === t.value ? 'btn-primary' : 'btn-ghost'}`} onClick={() => setTab(t.value)}>
            {t.label}
          </button>
        ))}
      </div>
      <FormAlert message={error} />
      {tab === 'review' && (
        <div className="review-layout">
          <RoundsPanel
            rounds={rounds}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onCreated={(r) => {
              setRounds((list) => [r, ...list]);
              setSelectedId(r.id);
            }}
          />
          {selected && <ApplicationsPanel key={selected.id} round={selected} onDecided={() => void loadRounds()} />}
        </div>
      )}
      {tab === 'agreements' && <AgreementPublisher />}
      {tab === 'merchants' && <MerchantsPanel />}
    </section>
  );
}
