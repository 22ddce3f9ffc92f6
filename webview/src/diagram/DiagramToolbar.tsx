// Zoom, filters (broker, service, kind, text), the focus in force and the exports, above the canvas.
import type { DiagramChoices } from './diagramModel';
import type { DiagramFilters, Focus } from './diagramState';
import { Name, nameText } from './names';

export type CanvasCommand = 'fit' | 'actual' | 'in' | 'out';
export type ExportKind = 'copy' | 'markdown' | 'svg' | 'png';

interface Props {
  choices: DiagramChoices;
  filters: DiagramFilters;
  focus: Focus | null;
  focusLabel: string;
  canExport: boolean;
  onFilters(filters: DiagramFilters): void;
  onClearFocus(): void;
  onCommand(name: CanvasCommand): void;
  onExport(kind: ExportKind): void;
}

export function DiagramToolbar({ choices, filters, focus, focusLabel, canExport, onFilters, onClearFocus, onCommand, onExport }: Props) {
  const toggleBroker = (broker: string): void => {
    const hidden = new Set(filters.hiddenBrokers);
    if (hidden.has(broker)) hidden.delete(broker);
    else hidden.add(broker);
    onFilters({ ...filters, hiddenBrokers: [...hidden] });
  };
  return (
    <div className="diagram-toolbar" role="toolbar" aria-label="Flow diagram tools">
      <div className="tool-group" aria-label="Zoom">
        <button type="button" title="Zoom out (-)" aria-label="Zoom out" onClick={() => onCommand('out')}>
          −
        </button>
        <button type="button" title="Zoom in (+)" aria-label="Zoom in" onClick={() => onCommand('in')}>
          +
        </button>
        <button type="button" title="Fit the graph (f)" onClick={() => onCommand('fit')}>
          Fit
        </button>
        <button type="button" title="Natural size (0)" onClick={() => onCommand('actual')}>
          1:1
        </button>
      </div>
      <div className="tool-group brokers" aria-label="Brokers">
        {choices.brokers.map((broker) => {
          const shown = !filters.hiddenBrokers.includes(broker);
          return (
            <button
              key={broker}
              type="button"
              className="chip"
              aria-pressed={shown}
              title={shown ? `Hide ${broker} channels` : `Show ${broker} channels`}
              onClick={() => toggleBroker(broker)}
            >
              {broker}
            </button>
          );
        })}
      </div>
      <div className="tool-group">
        <label>
          Service{' '}
          <select aria-label="Service" value={filters.service} onChange={(e) => onFilters({ ...filters, service: e.target.value })}>
            <option value="">All</option>
            {choices.services.map((s) => (
              <option key={s} value={s}>
                {nameText(s, 40)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{' '}
          <select aria-label="Kind" value={filters.kind} onChange={(e) => onFilters({ ...filters, kind: e.target.value })}>
            <option value="">All</option>
            {choices.kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          aria-label="Filter the diagram"
          placeholder="channel, file, service…"
          value={filters.text}
          onChange={(e) => onFilters({ ...filters, text: e.target.value })}
        />
      </div>
      {focus && (
        <div className="tool-group focus" aria-label="Focus">
          Focus: <Name text={focusLabel} cap={40} />
          <button type="button" className="link" onClick={onClearFocus}>
            Show all
          </button>
        </div>
      )}
      <div className="tool-group" aria-label="Export">
        <button type="button" disabled={!canExport} onClick={() => onExport('copy')}>
          Copy Mermaid
        </button>
        <button type="button" disabled={!canExport} onClick={() => onExport('markdown')}>
          Save Markdown
        </button>
        <button type="button" disabled={!canExport} onClick={() => onExport('svg')}>
          Save SVG
        </button>
        <button type="button" disabled={!canExport} onClick={() => onExport('png')}>
          Save PNG
        </button>
      </div>
    </div>
  );
}
