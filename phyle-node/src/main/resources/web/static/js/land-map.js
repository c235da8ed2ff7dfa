// The land pages' maps, drawn with Leaflet (served by this node from its WebJar) over a base layer of the world's land
// that this node also serves (Natural Earth 1:110m, static/map/land.geojson): no tile server, no request leaves the
// node. Colours are CSS classes (land.css), so that dark mode and the legend share them. No figures are computed here.

import * as L from '../leaflet/dist/leaflet-src.esm.js';
import { t } from './messages.js';

/** A parcel's state on the map and in the lists: held, bid (held with an open bid), auction, reserved, vacant. */
export function parcelState(p) {
  if (p.state === 'held') {
    return p.bid ? 'bid' : 'held';
  }
  if (p.state === 'vacant' && p.reservedFor) {
    return 'reserved';
  }
  return p.state;
}

export const STATES = ['held', 'bid', 'auction', 'vacant', 'reserved'];

/** The bounds of one parcel of a FeatureCollection from the API, to bring the map to it. */
export function boundsOf(fc, number) {
  return L.geoJSON({ type: 'FeatureCollection', features: fc.features.filter((f) => f.properties.number === number) })
    .getBounds();
}

/** Text for a tooltip as an element, never as HTML: a territory's name is whatever its transaction said. */
function text(words) {
  const span = document.createElement('span');
  span.textContent = words;
  return span;
}

let cssAdded = false;

/** Leaflet's stylesheet, from this node (a <link>, which the pages' style-src 'self' allows). */
function addCss() {
  if (cssAdded) {
    return;
  }
  cssAdded = true;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('../leaflet/dist/leaflet.css', import.meta.url).toString();
  document.head.prepend(link);
}

let baseData = null;

async function base() {
  if (!baseData) {
    const answer = await fetch(new URL('../map/land.geojson', import.meta.url));
    baseData = answer.ok ? await answer.json() : { type: 'FeatureCollection', features: [] };
  }
  return baseData;
}

/**
 * A map in `container`: the world's land underneath, no tiles. Resolves with {map, parcels(fc, opts), fit(bounds)}.
 * `label` names the map for screen readers (the lists beside it say the same in words).
 */
export async function makeMap(container, { label, zoom = true } = {}) {
  addCss();
  const map = L.map(container, { zoomControl: zoom, attributionControl: true, worldCopyJump: false,
    minZoom: 1, maxZoom: 21, zoomSnap: 0.5 });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution(t('land.map.attribution'));
  container.setAttribute('aria-label', label);
  container.setAttribute('role', 'region');
  map.setView([20, 0], 1);
  const land = await base();
  L.geoJSON(land, { interactive: false, style: () => ({ className: 'map-land', weight: 0.5 }) }).addTo(map);
  for (const a of container.querySelectorAll('.leaflet-control-zoom a')) {
    a.setAttribute('aria-label', a.classList.contains('leaflet-control-zoom-in') ? t('land.map.zoomIn')
      : t('land.map.zoomOut'));
    a.setAttribute('title', a.getAttribute('aria-label'));
  }
  const drawn = [];
  return {
    map,
    /** Takes every parcel drawn so far off the map (before drawing them again as a new block left them). */
    clear() {
      drawn.splice(0).forEach((layer) => layer.remove());
    },
    /** Draws a territory's parcels (a FeatureCollection from the API); `here` marks one; returns their bounds. */
    parcels(fc, { here = null, onClick = null } = {}) {
      const layer = L.geoJSON(fc, {
        style: (f) => ({ className: 'parcel-shape' + (f.properties.number === here ? ' here' : ''), weight: 2 }),
        onEachFeature: (f, shape) => {
          const p = f.properties;
          shape.bindTooltip(text(t('land.map.tooltip', { number: p.number,
            state: t('parcel.state.' + parcelState(p)) })));
          if (onClick) {
            shape.on('click', () => onClick(p));
          }
          shape.on('add', () => {
            const path = shape.getElement();
            path.dataset.parcel = String(p.number);
            path.dataset.parcelState = parcelState(p);
          });
        },
      }).addTo(map);
      drawn.push(layer);
      return layer.getBounds();
    },
    /** A dot where a territory is, which brings the map to it (its parcels are too small to see from afar). */
    mark(bounds, title, onClick) {
      const dot = L.circleMarker(bounds.getCenter(), { radius: 8, className: 'territory-mark' }).addTo(map);
      dot.bindTooltip(text(title));
      dot.on('click', onClick);
      // close enough to see the parcels, the dot would only hide them
      map.on('zoomend', () => {
        if (map.getZoom() >= 14) {
          dot.remove();
        } else if (!map.hasLayer(dot)) {
          dot.addTo(map);
        }
      });
      return dot;
    },
    fit(bounds, maxZoom = 19) {
      if (bounds && bounds.isValid()) {
        map.fitBounds(bounds.pad(0.15), { maxZoom });
      }
    },
    world() {
      map.setView([20, 0], 1);
    },
  };
}
