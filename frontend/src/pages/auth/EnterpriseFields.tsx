import type { EnterpriseSize, SpecialisationTier } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { normaliseCreditCode } from '../../lib/creditCode';
import { SIZE_LABELS, TIER_LABELS } from '../../lib/labels';
import type { EnterpriseForm, FieldErrors } from '../../lib/validation';

const SIZE_OPTIONS = (Object.keys(SIZE_LABELS) as EnterpriseSize[]).map((value) => ({
  value,
  label: SIZE_LABELS[value],
}));
const TIER_OPTIONS = (Object.keys(TIER_LABELS) as SpecialisationTier[]).map((value) => ({
  value,
  label: TIER_LABELS[value],
}));

interface Props {
  value: EnterpriseForm;
  onChange: (patch: Partial<EnterpriseForm>) => void;
  /** Keyed by API path: `enterprise.creditCode` etc. */
  errors: FieldErrors;
  onBlur: (field: string) => void;
}

export function EnterpriseFields({ value, onChange, errors, onBlur }: Props) {
  const err = (k: keyof EnterpriseForm) => errors[`enterprise.${k}`];
  return (
    <fieldset className="enterprise-fields" data-testid="enterprise-fields">
      <legend>企业信息</legend>
      <TextField
        id="enterprise-name"
        label="企业名称"
        value={value.name}
        onChange={(name) => onChange({ name })}
        onBlur={() => onBlur('enterprise.name')}
        error={err('name')}
        autoComplete="organization"
        maxLength={100}
      />
      <TextField
        id="enterprise-creditCode"
        label="统一社会信用代码"
        value={value.creditCode}
        onChange={(v) => onChange({ creditCode: normaliseCreditCode(v) })}
        onBlur={() => onBlur('enterprise.creditCode')}
        error={err('creditCode')}
        hint="18 位，见营业执照"
        placeholder="例如 91350100M000100Y43"
      />
      <div className="field-row">
        <TextField
          id="enterprise-region"
          label="所在地区"
          value={value.region}
          onChange={(region) => onChange({ region })}
          onBlur={() => onBlur('enterprise.region')}
          error={err('region')}
          placeholder="如 陕西省西安市"
          maxLength={60}
        />
        <TextField
          id="enterprise-industry"
          label="所属行业"
          value={value.industry}
          onChange={(industry) => onChange({ industry })}
          onBlur={() => onBlur('enterprise.industry')}
          error={err('industry')}
          placeholder="如 食品加工"
          maxLength={60}
        />
      </div>
      <div className="field-row">
        <SelectField<EnterpriseSize>
          id="enterprise-size"
          label="企业规模"
          value={value.size}
          onChange={(size) => onChange({ size })}
          options={SIZE_OPTIONS}
          placeholder="请选择"
          error={err('size')}
        />
        <SelectField<SpecialisationTier>
          id="enterprise-tier"
          label="专精特新梯度"
          value={value.tier}
          onChange={(tier) => onChange({ tier })}
          options={TIER_OPTIONS}
          error={err('tier')}
        />
      </div>
    </fieldset>
  );
}
