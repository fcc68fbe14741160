import { useState } from 'react';
import type { FormEvent } from 'react';
import { applicationsApi } from '../../api/merchant';
import type { MerchantApplication, OpenRound, ProductCategory } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { describedBy, Field, FormAlert, SelectField, TextField } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import type { FieldErrors } from '../../lib/validation';
import type { ApplicationForm as FormModel } from './applicationForm';
import { toApplicationInput, validateApplication } from './applicationForm';
import { DocumentUploader } from './DocumentUploader';
import { CATEGORY_LABELS, options } from './labels';

interface Props {
  initial: FormModel;
  /** A new application picks one of these rounds; a revision (`applicationId`) keeps its round. */
  rounds?: OpenRound[];
  applicationId?: number;
  onDone: (application: MerchantApplication) => void;
  onCancel?: () => void;
}

type TextKey = 'contactName' | 'contactPhone' | 'proposedProducts';

export function ApplicationForm({ initial, rounds = [], applicationId, onDone, onCancel }: Props) {
  const revising = applicationId !== undefined;
  const [form, setForm] = useState<FormModel>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const clear = (...keys: string[]) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.some((x) => k.startsWith(x)))));
  const set = (k: TextKey) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    clear(k);
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setAlert(null);
    const found = validateApplication(form, !revising);
    setErrors(found);
    if (Object.keys(found).length) {
      setAlert('请检查标注的字段');
      return;
    }
    setBusy(true);
    try {
      const body = toApplicationInput(form, !revising);
      onDone(revising ? await applicationsApi.revise(applicationId, body) : await applicationsApi.submit(body));
    } catch (e) {
      if (isApiError(e)) {
        setErrors(e.fieldErrors);
        setAlert(e.detail);
      } else {
        setAlert('提交失败，请稍后再试');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="application-form" data-testid="application-form">
      {!revising && (
        <SelectField<string>
          id="roundId"
          label="遴选批次"
          value={form.roundId}
          onChange={(roundId) => {
            setForm((f) => ({ ...f, roundId }));
            clear('roundId');
          }}
          options={rounds.map((r) => ({ value: String(r.id), label: `${r.name}（${formatDateTime(r.closesAt)} 截止）` }))}
          placeholder="请选择"
          error={errors.roundId}
        />
      )}
      <div className="field-row">
        <TextField id="contactName" label="联系人" value={form.contactName} onChange={set('contactName')}
          error={errors.contactName} maxLength={40} autoComplete="name" />
        <TextField id="contactPhone" label="联系电话" type="tel" inputMode="tel" value={form.contactPhone}
          onChange={set('contactPhone')} error={errors.contactPhone} maxLength={11} autoComplete="tel-national"
          hint="11 位手机号" />
      </div>
      <SelectField<ProductCategory>
        id="category"
        label="产品类别"
        value={form.category}
        onChange={(category) => {
          setForm((f) => ({ ...f, category }));
          clear('category');
        }}
        options={options(CATEGORY_LABELS)}
        placeholder="请选择"
        error={errors.category}
      />
      <Field id="proposedProducts" label="拟上架产品" error={errors.proposedProducts}
        hint="产品名称、规格、产地等，最多 2000 字">
        <textarea
          id="proposedProducts"
          rows={4}
          maxLength={2000}
          value={form.proposedProducts}
          onChange={(e) => set('proposedProducts')(e.target.value)}
          aria-invalid={errors.proposedProducts ? true : undefined}
          aria-describedby={describedBy('proposedProducts', errors.proposedProducts, 'x')}
        />
      </Field>
      <DocumentUploader
        documents={form.documents}
        onChange={(documents) => {
          setForm((f) => ({ ...f, documents }));
          clear('documents');
        }}
        errors={errors}
      />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
            取消
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="application-submit">
          {busy ? '提交中…' : revising ? '重新提交' : '提交申请'}
        </button>
      </div>
      {/* under the buttons: a message appearing moves nothing the user is pointing at */}
      <FormAlert message={alert} />
    </form>
  );
}
