// The map: Natural Earth country outlines drawn from countries.json (no tile
// server, works offline) and one circle per place, sized by events.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { goldsteinColor } from './network.js';
import { currentLang } from './i18n.js';

let map = null, places = null, outlines = null;

export async function initMap(el) {
  map = L.map(el, { preferCanvas: true, worldCopyJump: false, minZoom: 1, maxZoom: 9, zoomSnap: 0.5, attributionControl: true,
    maxBounds: [[-85, -200], [85, 200]] }).setView([27, 40], 3);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth (public domain)');
  el.style.background = '#dbe9f4';
  const geo = await fetch('countries.json').then((r) => r.json());
  outlines = L.geoJSON(geo, {
    style: { color: '#8a9aa8', weight: 0.6, fillColor: '#f7f5ef', fillOpacity: 1 },
    onEachFeature: (f, layer) => layer.bindTooltip(() => (currentLang() === 'ar' && f.properties.name_ar) || f.properties.name,
      { sticky: true }),
  }).addTo(map);
  places = L.layerGroup().addTo(map);
  return map;
}

export function drawPlaces(list, { onPlace } = {}) {
  if (!map) return;
  const el = map.getContainer();
  places.clearLayers();
  const max = Math.max(1, ...list.map((p) => p.events));
  for (const p of list) {
    const c = L.circleMarker([p.lat, p.lon], { radius: 4 + 16 * Math.sqrt(p.events / max), color: '#333', weight: 0.8,
      fillColor: goldsteinColor(p.goldstein), fillOpacity: 0.8 });
    c.bindTooltip(`${p.name || p.country} (${p.country}) · ${p.events}`);
    if (onPlace) c.on('click', () => onPlace(p));
    c.addTo(places);
  }
  el.dataset.places = String(list.length);
}

export function invalidate() { if (map) map.invalidateSize(); }
