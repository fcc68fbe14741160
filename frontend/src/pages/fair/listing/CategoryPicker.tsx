import { useEffect, useState } from 'react';
import type { IndustryNode } from '../../../api/fairListing';

interface Props {
  id: string;
  industries: IndustryNode[];
  /** a code: C, C36 or C367; '' for none */
  value: string;
  onChange: (code: string) => void;
  /** filters may stop at a section (门类); a listing needs a division (大类) at least ('' until one is chosen) */
  allowSection?: boolean;
  describedBy?: string;
}

/** The section (门类) → division (大类) → group (中类) picker of the industry taxonomy, as three linked selects. */
export function CategoryPicker({ id, industries, value, onChange, allowSection, describedBy }: Props) {
  // the section shown, which a listing's value ('' until a division is picked) cannot always tell
  const [sectionCode, setSectionCode] = useState(value.slice(0, 1));
  useEffect(() => {
    if (value) setSectionCode(value.slice(0, 1));
  }, [value]);
  const divisionCode = value.length >= 3 ? value.slice(0, 3) : '';
  const groupCode = value.length >= 4 ? value : '';
  const section = industries.find((s) => s.code === sectionCode);
  const division = section?.children.find((d) => d.code === divisionCode);

  const pickSection = (code: string) => {
    setSectionCode(code);
    onChange(allowSection ? code : '');
  };

  return (
    <span className="listing-category" data-testid={`${id}-picker`}>
      <select id={id} aria-label="门类" value={sectionCode} aria-describedby={describedBy}
        onChange={(e) => pickSection(e.target.value)} data-testid={`${id}-section`}>
        <option value="">{allowSection ? '全部行业' : '选择门类'}</option>
        {industries.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
      </select>
      {section && (
        <select aria-label="大类" value={divisionCode} data-testid={`${id}-division`}
          onChange={(e) => onChange(e.target.value || (allowSection ? section.code : ''))}>
          <option value="">{allowSection ? '全部大类' : '选择大类'}</option>
          {section.children.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>
      )}
      {division && division.children.length > 0 && (
        <select aria-label="中类" value={groupCode} data-testid={`${id}-group`}
          onChange={(e) => onChange(e.target.value || division.code)}>
          <option value="">{allowSection ? '全部中类' : '不细分中类'}</option>
          {division.children.map((g) => <option key={g.code} value={g.code}>{g.name}</option>)}
        </select>
      )}
    </span>
  );
}
