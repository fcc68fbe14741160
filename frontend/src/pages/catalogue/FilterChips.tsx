interface Props<V extends string> {
  label: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | null;
  onChange: (value: V | null) => void;
  testId: string;
}

/** One row of single-choice chips with a leading 全部 (no filter); scrolls sideways on a phone. */
export function FilterChips<V extends string>({ label, options, value, onChange, testId }: Props<V>) {
  return (
    <div className="filter-row" role="group" aria-label={label} data-testid={testId}>
      <span className="filter-label">{label}</span>
      <div className="filter-chips">
        <button type="button" className={`filter-chip${value === null ? ' active' : ''}`}
          aria-pressed={value === null} onClick={() => onChange(null)}>
          全部
        </button>
        {options.map((o) => (
          <button key={o.value} type="button" className={`filter-chip${value === o.value ? ' active' : ''}`}
            aria-pressed={value === o.value} onClick={() => onChange(value === o.value ? null : o.value)}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
