// The actor network: actors are nodes, dyads are edges (width: events; colour: mean
// Goldstein, red for conflict, green for cooperation).
import cytoscape from 'cytoscape';

export function goldsteinColor(g) {
  if (g === null || g === undefined) return '#888';
  const x = Math.max(-10, Math.min(10, g)) / 10;
  if (x < 0) return `rgb(${200}, ${Math.round(170 + 60 * x)}, ${Math.round(160 + 80 * x)})`;
  return `rgb(${Math.round(150 - 110 * x)}, ${Math.round(150 + 20 * x)}, ${Math.round(150 - 60 * x)})`;
}

let cy = null;

export function drawNetwork(el, dyads, { onActor, onDyad }) {
  const nodes = new Map();
  const edges = [];
  for (const d of dyads) {
    if (!d.source || !d.target || d.source === d.target) continue;
    for (const [code, name] of [[d.source, d.source_name], [d.target, d.target_name]]) {
      const n = nodes.get(code) || { id: code, label: code, name: name || '', weight: 0 };
      n.weight += d.events;
      nodes.set(code, n);
    }
    edges.push({ id: `${d.source}>${d.target}`, source: d.source, target: d.target, events: d.events,
      goldstein: d.goldstein, color: goldsteinColor(d.goldstein) });
  }
  const max = Math.max(1, ...[...nodes.values()].map((n) => n.weight));
  const maxE = Math.max(1, ...edges.map((e) => e.events));
  if (cy) cy.destroy();
  el.textContent = '';
  cy = cytoscape({
    container: el,
    elements: [
      ...[...nodes.values()].map((n) => ({ data: { ...n, size: 14 + 30 * Math.sqrt(n.weight / max) } })),
      ...edges.map((e) => ({ data: { ...e, width: 1 + 7 * Math.sqrt(e.events / maxE) } })),
    ],
    style: [
      { selector: 'node', style: { 'background-color': '#2b6cb0', label: 'data(label)', width: 'data(size)',
        height: 'data(size)', 'font-size': 10, color: '#1a202c', 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: ':selected', style: { 'background-color': '#dd6b20', 'line-color': '#dd6b20' } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70,
      numIter: 600 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (ev) => onActor(ev.target.id()));
  cy.on('tap', 'edge', (ev) => onDyad(ev.target.data('source'), ev.target.data('target')));
  cy.nodes().forEach((n) => n.data('title', `${n.id()} ${n.data('name')}`));
  return cy;
}
